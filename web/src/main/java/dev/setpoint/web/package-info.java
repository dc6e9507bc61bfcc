/**
 * Setpoint's HTTP face: JAX-RS resources over the domain services, and their cross-cutting parts.
 */
package dev.setpoint.web;
