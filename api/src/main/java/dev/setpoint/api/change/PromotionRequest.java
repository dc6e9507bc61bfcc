package dev.setpoint.api.change;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Promotes another environment's release into this one. */
@Schema(name = "PromotionRequest", description = "Which release of which environment to promote.")
public record PromotionRequest(
    @Schema(required = true, description = "The source environment.", example = "staging") @NotNull
        String from,
    @Schema(description = "The source release number; absent: its latest.", example = "4")
        Integer release,
    @Schema(description = "Added to the release message.", example = "Weekly promotion")
        @Size(max = ApiLimits.MAX_MESSAGE_LENGTH)
        String message) {}
