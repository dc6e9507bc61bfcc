package dev.setpoint.api.access;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a service token. */
@Schema(name = "TokenRequest", description = "What a new service token may read, and until when.")
public record TokenRequest(
    @Schema(description = "What the token is for; shown in lists.", example = "shop web pods")
        @NotBlank
        @Size(max = ApiLimits.MAX_TOKEN_NAME_LENGTH)
        String name,
    @Schema(description = "The application slug.", example = "shop") @NotBlank String application,
    @Schema(description = "Environment slugs the token may read.", example = "[\"staging\"]")
        @NotEmpty
        @Size(max = 50)
        List<String> environments,
    @Schema(description = "When the token stops working; null for never (not recommended).")
        Instant expiresAt) {}
