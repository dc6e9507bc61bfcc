/**
 * Delivery: the newest release of each environment served from a cache, watches woken when it
 * changes, the change log that keeps every server's cache in step, the running instances seen, and
 * the early retirement of secret versions none of them uses any more.
 */
package dev.setpoint.domain.delivery;
