/**
 * Production readiness, the rule engine: the checklist as rules ({@link
 * dev.setpoint.domain.readiness.ReadinessRule}, patterns in {@link
 * dev.setpoint.domain.readiness.ReadinessPatterns}, applied by {@link
 * dev.setpoint.domain.readiness.ReadinessRules}), evaluated on every change and on a schedule
 * ({@link dev.setpoint.domain.readiness.ReadinessEvaluation}, internal), with the report and
 * summary, suppressions and the publish gate as use cases. Not the {@code /health/ready} probe.
 */
package dev.setpoint.domain.readiness;
