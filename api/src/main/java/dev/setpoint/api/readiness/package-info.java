/** Production readiness: findings, suppressions, summaries and Setpoint's own self-check. */
package dev.setpoint.api.readiness;
