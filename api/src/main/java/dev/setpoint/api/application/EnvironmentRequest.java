package dev.setpoint.api.application;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Creates ({@code POST}) or replaces ({@code PUT}) an environment of an application. On {@code PUT}
 * the slug may be left out; when present it must equal the slug in the path.
 */
@Schema(name = "EnvironmentRequest", description = "An environment to create or replace.")
public record EnvironmentRequest(
    @Schema(pattern = ApiLimits.SLUG_PATTERN, example = "qa")
        @Pattern(regexp = ApiLimits.SLUG_PATTERN, message = "must match " + ApiLimits.SLUG_PATTERN)
        String slug,
    @Schema(example = "Quality assurance", required = true)
        @NotBlank
        @Size(max = ApiLimits.MAX_NAME_LENGTH)
        String name,
    @Schema(
            description = "Whether this environment serves production traffic.",
            defaultValue = "false")
        Boolean production) {}
