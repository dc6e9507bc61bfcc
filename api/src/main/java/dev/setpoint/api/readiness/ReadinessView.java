package dev.setpoint.api.readiness;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An environment's readiness. */
@Schema(name = "Readiness")
public record ReadinessView(
    @Schema(
            description =
                "blocked (an unsuppressed critical finding: production releases are refused),"
                    + " attention (other findings), or ready.",
            enumeration = {"blocked", "attention", "ready"},
            example = "attention")
        String status,
    @Schema(description = "Open findings, most severe first.") List<FindingView> findings,
    @Schema(description = "Suppressions in force.") List<SuppressionView> suppressions) {}
