package dev.setpoint.api.release;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A publish or rollback request; the body is optional. */
@Schema(name = "ReleaseRequest", description = "What to note about a new release.")
public record ReleaseRequest(
    @Schema(description = "Why this release; shown in the history.", example = "Raise pool size")
        @Size(max = 500)
        String message,
    @Schema(
            description =
                "Publish to production although critical readiness findings are open; the reason"
                    + " is recorded in the audit trail.",
            example = "Hotfix for INC-1234; DEBUG is removed in the next release")
        @Size(max = 500)
        String overrideReason) {}
