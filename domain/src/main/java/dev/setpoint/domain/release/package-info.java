/**
 * Releases: an environment's resolved settings and pinned secret versions frozen as an immutable
 * numbered release, published (through the readiness gate), read, compared and rolled back.
 */
package dev.setpoint.domain.release;
