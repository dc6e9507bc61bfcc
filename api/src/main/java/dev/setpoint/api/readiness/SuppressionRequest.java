package dev.setpoint.api.readiness;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Accept one finding for a while, with the reason. */
@Schema(name = "SuppressionRequest")
public record SuppressionRequest(
    @NotBlank @Schema(example = "token-without-expiry") String rule,
    @Size(max = 200) @Schema(description = "The finding's key; omit for the whole rule.")
        String key,
    @NotBlank @Size(max = 500) @Schema(example = "Replaced in the Q3 token roll-out") String reason,
    @NotNull @Schema(description = "At most 365 days ahead.") Instant expiresAt) {}
