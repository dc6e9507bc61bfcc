/** How the domain is stored: JPA repositories over the container DataSource, and the schema. */
package dev.setpoint.persistence;
