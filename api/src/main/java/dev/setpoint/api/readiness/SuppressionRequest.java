package dev.setpoint.api.readiness;

import dev.setpoint.api.ApiLimits;
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
    @NotBlank
        @Size(max = ApiLimits.MAX_MESSAGE_LENGTH)
        @Schema(example = "Replaced in the Q3 token roll-out")
        String reason,
    @NotNull @Schema(description = "At most " + ApiLimits.MAX_SUPPRESSION_DAYS + " days ahead.")
        Instant expiresAt) {}
