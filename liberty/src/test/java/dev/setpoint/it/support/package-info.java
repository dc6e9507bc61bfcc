/**
 * Test infrastructure: the build's own PostgreSQL server, the typed HTTP client the ITs use and a
 * loopback webhook receiver.
 */
package dev.setpoint.it.support;
