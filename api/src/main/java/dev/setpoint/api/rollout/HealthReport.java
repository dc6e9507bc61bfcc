package dev.setpoint.api.rollout;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A running instance's report of its own health, from the client library. */
@Schema(name = "HealthReport", description = "An instance's readiness after a change.")
public record HealthReport(
    @Schema(description = "UP or DOWN.", example = "DOWN", required = true)
        @NotNull
        @Pattern(regexp = "UP|DOWN", message = "must be UP or DOWN")
        String status,
    @Schema(description = "The release the instance runs with.", example = "7") Integer release,
    @Schema(description = "What failed, in a few words (no values).", example = "database check")
        @Size(max = 500)
        String message) {}
