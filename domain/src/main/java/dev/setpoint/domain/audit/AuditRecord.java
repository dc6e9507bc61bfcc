package dev.setpoint.domain.audit;

import java.time.Instant;

/**
 * One audited fact before it is given its place in the chain. Never holds a value, a password or a
 * token: {@code detail} is a short description chosen by the code that records it.
 *
 * @param actor a user name, {@code token:<id>}, {@code setpoint} (background work) or {@code
 *     anonymous}
 * @param clientAddress the caller's address (after trusted proxies), null for background work
 * @param requestId the request's id (as in its logs and {@code X-Request-Id}), null for background
 *     work and aggregated deliveries
 */
public record AuditRecord(
    Instant at,
    String actor,
    AuditAction action,
    AuditTarget target,
    Outcome outcome,
    String clientAddress,
    String requestId,
    String detail) {}
