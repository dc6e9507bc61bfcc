package dev.setpoint.api.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval or rejection, optionally with a comment; the body is optional. */
@Schema(name = "ReviewRequest", description = "An optional comment with an approval or rejection.")
public record ReviewRequest(
    @Schema(description = "At most 2000 characters.", example = "Looks right, pool fits the DB")
        String comment) {}
