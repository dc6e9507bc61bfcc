package dev.setpoint.api.transfer;

import dev.setpoint.api.readiness.ReadinessView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a copy does to its target, and the target's readiness. */
@Schema(name = "CopyResult")
public record CopyResultView(
    @Schema(example = "staging") String from,
    @Schema(example = "production") String to,
    ImportPlanView plan,
    @Schema(
            description =
                "The target's readiness: as it is for a dry run, as the copy leaves it once"
                    + " applied.")
        ReadinessView readiness) {}
