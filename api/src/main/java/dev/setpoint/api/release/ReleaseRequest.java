package dev.setpoint.api.release;

import dev.setpoint.api.ApiLimits;
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
        String overrideReason) {}
