/**
 * Online backups of the embedded database: who may take one, where it goes, and the port that
 * copies the live database.
 */
package dev.setpoint.domain.backup;
