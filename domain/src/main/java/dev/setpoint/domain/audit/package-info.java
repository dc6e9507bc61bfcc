/**
 * The audit trail: every change, secret reveal, delivery of secrets and denied attempt, as a
 * hash-chained, gap-free sequence of events that {@link dev.setpoint.domain.audit.AuditService} can
 * verify, query, export and prune.
 */
package dev.setpoint.domain.audit;
