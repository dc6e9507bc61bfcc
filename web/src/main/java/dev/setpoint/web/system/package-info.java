/** Operator endpoints about Setpoint itself, such as master-key rotation. */
package dev.setpoint.web.system;
