/**
 * HTTP integration tests against a started Setpoint server. The build runs every class twice: once
 * against the embedded H2 default and once against a real PostgreSQL server.
 */
package dev.setpoint.it;
