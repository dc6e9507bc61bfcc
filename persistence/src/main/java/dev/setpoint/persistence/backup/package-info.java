/** The online backup of the embedded H2 database, taken on the live DataSource. */
package dev.setpoint.persistence.backup;
