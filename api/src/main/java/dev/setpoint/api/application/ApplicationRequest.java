package dev.setpoint.api.application;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Creates ({@code POST}) or replaces ({@code PUT}) an application. On {@code PUT} the slug may be
 * left out; when present it must equal the slug in the path, because slugs cannot be renamed.
 */
@Schema(name = "ApplicationRequest", description = "An application to create or replace.")
public record ApplicationRequest(
    @Schema(
            description = "Identifier used in paths; required on create, immutable afterwards.",
            pattern = ApiLimits.SLUG_PATTERN,
            example = "billing-service")
        @Pattern(regexp = ApiLimits.SLUG_PATTERN, message = "must match " + ApiLimits.SLUG_PATTERN)
        String slug,
    @Schema(description = "Human-readable name.", example = "Billing service", required = true)
        @NotBlank
        @Size(max = ApiLimits.MAX_NAME_LENGTH)
        String name,
    @Schema(description = "What the application does.")
        @Size(max = ApiLimits.MAX_DESCRIPTION_LENGTH)
        String description,
    @Schema(description = "Owning team or person.", example = "team-payments")
        @Size(max = ApiLimits.MAX_NAME_LENGTH)
        String owner) {}
