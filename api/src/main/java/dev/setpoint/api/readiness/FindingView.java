package dev.setpoint.api.readiness;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One open readiness finding; it never quotes a value. */
@Schema(name = "ReadinessFinding")
public record FindingView(
    @Schema(example = "debug-in-production") String rule,
    @Schema(
            enumeration = {"critical", "high", "medium", "low"},
            example = "critical")
        String severity,
    @Schema(description = "The key it is about; absent for the environment as a whole.") String key,
    String message,
    String remediation,
    @Schema(description = "The checklist item the rule enforces.") String checklistItem,
    @Schema(description = "More about this occurrence, e.g. which environments share a value.")
        String detail,
    @Schema(description = "When an evaluation first reported it.") Instant firstSeenAt,
    @Schema(description = "The suppression that covers it; absent when it counts.")
        SuppressionView suppressed) {}
