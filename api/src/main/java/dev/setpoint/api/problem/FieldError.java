package dev.setpoint.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rule a request broke, naming the field it concerns. */
@Schema(name = "FieldError", description = "A field of the request and the rule it broke.")
public record FieldError(
    @Schema(example = "slug") String field,
    @Schema(example = "must match ^[a-z][a-z0-9-]{1,62}$") String message) {}
