package dev.setpoint.api.secret;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new value for a secret ({@code PUT}) or a rotation ({@code POST …/rotate}). */
@Schema(name = "SecretWriteRequest", description = "A secret value to store as a new version.")
public record SecretWriteRequest(
    @Schema(
            required = true,
            description = "The value; never shown again except through reveal.",
            example = "<the value>")
        @NotNull
        String value,
    @Schema(
            enumeration = {"utf-8", "base64"},
            defaultValue = "utf-8",
            description = "base64 for binary values.")
        @Pattern(regexp = "^(utf-8|base64)$", message = "must be utf-8 or base64")
        String encoding,
    @Schema(description = "Rotation policy: rotate at least every this many days.", example = "90")
        @Min(ApiLimits.MIN_ROTATION_DAYS)
        @Max(ApiLimits.MAX_ROTATION_DAYS)
        Integer rotationDays) {}
