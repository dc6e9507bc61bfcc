/** The secrets resource: write-only values, metadata, reveal, rotation, soft delete. */
package dev.setpoint.web.secret;
