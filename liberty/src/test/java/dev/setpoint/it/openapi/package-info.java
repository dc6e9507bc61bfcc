/**
 * The client OpenAPI Generator makes from the live {@code /openapi}, driven against the server; it
 * compiles only once the build has generated that client (integration-test phase).
 */
package dev.setpoint.it.openapi;
