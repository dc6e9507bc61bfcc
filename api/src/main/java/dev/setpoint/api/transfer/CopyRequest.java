package dev.setpoint.api.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which keys to copy from which environment. */
@Schema(name = "CopyRequest")
public record CopyRequest(
    @Schema(description = "The environment copied from.", example = "staging") @NotNull String from,
    @Schema(description = "The keys to copy; absent or empty: every key with a value in 'from'.")
        @Size(max = 10000)
        List<@NotNull String> keys) {}
