package dev.setpoint.api.access;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user to add to the built-in store. */
@Schema(name = "UserRequest", description = "A person who signs in with HTTP Basic.")
public record UserRequest(
    @Schema(description = "Lower-case name, 2 to 64 characters.", example = "alice") @NotBlank
        String username,
    @Schema(description = PasswordRequest.RULE, writeOnly = true) @NotBlank String password) {}
