/**
 * Production readiness: the checklist as rules ({@link
 * dev.setpoint.domain.readiness.ReadinessRule}, patterns in {@link
 * dev.setpoint.domain.readiness.ReadinessPatterns}), evaluated on every change and on a schedule,
 * with suppressions and the publish gate.
 */
package dev.setpoint.domain.readiness;
