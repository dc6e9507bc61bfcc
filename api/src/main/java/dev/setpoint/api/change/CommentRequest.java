package dev.setpoint.api.change;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment on a change request. */
@Schema(name = "CommentRequest", description = "A comment on a change request.")
public record CommentRequest(
    @Schema(required = true, description = "1 to 2000 characters.", example = "Why 20?") @NotBlank
        String text) {}
