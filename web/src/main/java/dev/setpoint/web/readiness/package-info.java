/** Readiness of environments, suppressions, the summary and Setpoint's self-check. */
package dev.setpoint.web.readiness;
