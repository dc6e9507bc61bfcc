package dev.setpoint.api.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the audit trail; never a value, a password or a token. */
@Schema(
    name = "AuditEvent",
    description =
        "One event of the audit trail. hash = SHA-256(previous hash ‖ canonical event); see"
            + " docs/audit.md for the canonical form.")
public record AuditEventView(
    @Schema(description = "Position in the trail: gap-free, from 1.") long sequence,
    Instant at,
    @Schema(
            description = "A user name, token:<id>, setpoint (background work) or anonymous.",
            example = "alice")
        String actor,
    @Schema(example = "secret.reveal") String action,
    AuditTargetView target,
    @Schema(
            enumeration = {"success", "denied", "failed"},
            example = "success")
        String outcome,
    @Schema(description = "The caller's address, after trusted proxies.") String clientAddress,
    @Schema(description = "The request's X-Request-Id; absent for background work.")
        String requestId,
    @Schema(description = "A short description: the refusal, counts, the role granted.")
        String detail,
    @Schema(description = "Hex SHA-256 chaining this event to the previous one.") String hash) {}
