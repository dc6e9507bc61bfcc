/**
 * Setpoint for applications on MicroProfile Config: the settings that locate an environment's
 * release, and the {@code ConfigSource} that loads it, keeps a disk copy and follows changes.
 */
package dev.setpoint.client;
