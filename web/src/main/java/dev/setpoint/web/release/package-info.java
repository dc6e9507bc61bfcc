/** Releases of an environment: publish, history, diff, rollback, consumers. */
package dev.setpoint.web.release;
