/** Delivery of releases to running applications: formats, headers and name mapping. */
package dev.setpoint.api.delivery;
