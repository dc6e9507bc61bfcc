/** Test infrastructure: the build's own PostgreSQL server and the typed HTTP client the ITs use. */
package dev.setpoint.it.support;
