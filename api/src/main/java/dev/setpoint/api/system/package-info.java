/** Operator views about Setpoint itself, such as an online backup of the embedded database. */
package dev.setpoint.api.system;
