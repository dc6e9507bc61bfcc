package dev.setpoint.api.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of walking the audit chain from its checkpoint to its head. */
@Schema(name = "AuditVerification")
public record AuditVerificationView(
    @Schema(description = "Whether every stored event matches its hash and none is missing.")
        boolean ok,
    @Schema(description = "Events whose hash was recomputed.") long checked,
    @Schema(description = "The first sequence that is altered or missing; absent when ok.")
        Long firstBrokenSequence,
    @Schema(description = "The sequence of the last event that verified.") long verifiedSequence,
    @Schema(description = "Its hash; compare it with the head hashes in the log stream.")
        String verifiedHash) {}
