package dev.setpoint.api.release;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.api.rollout.RolloutRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A publish or rollback request; the body is optional. */
@Schema(name = "ReleaseRequest", description = "What to note about a new release.")
public record ReleaseRequest(
    @Schema(description = "Why this release; shown in the history.", example = "Raise pool size")
        @Size(max = ApiLimits.MAX_MESSAGE_LENGTH)
        String message,
    @Schema(
            description =
                "Publish to production although critical readiness findings are open; the reason"
                    + " is recorded in the audit trail.",
            example = "Hotfix for INC-1234; DEBUG is removed in the next release")
        @Size(max = ApiLimits.MAX_MESSAGE_LENGTH)
        String overrideReason,
    @Schema(description = "Roll the release out in steps instead of to every instance at once.")
        @Valid
        RolloutRequest rollout) {}
