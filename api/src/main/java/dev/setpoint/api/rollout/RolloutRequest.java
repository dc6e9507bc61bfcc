package dev.setpoint.api.rollout;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The staged rollout a publish may carry. */
@Schema(
    name = "RolloutRequest",
    description =
        "Serve the new release to a growing share of the instances: each step a percentage of"
            + " them (by a stable hash of X-Setpoint-Instance), each held for bakeSeconds before"
            + " the next; rolled back at once when a stop condition is met.")
public record RolloutRequest(
    @Schema(
            description =
                "Percentages of the instances, rising, from 1 to 100, the last one 100; at most 10"
                    + " steps.",
            example = "[10, 50, 100]")
        List<Integer> steps,
    @Schema(
            description =
                "How long each step (the last one too) is watched before the next; 0 to 86400,"
                    + " default 60.",
            example = "60")
        Integer bakeSeconds,
    @Schema(
            description =
                "What rolls the release back: check-in (instances on the new release stop"
                    + " checking in while others go on), health (an instance on it reports DOWN),"
                    + " alert (a firing alert naming the environment). Default: all three.",
            example = "[\"check-in\", \"health\", \"alert\"]")
        List<String> stopOn) {}
