/**
 * Fetching releases from Setpoint's delivery endpoint over HTTP, the {@code .properties} format,
 * and the owner-only last-known-good copy kept on disk.
 */
package dev.setpoint.client.delivery;
