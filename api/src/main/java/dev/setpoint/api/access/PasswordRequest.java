package dev.setpoint.api.access;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new password. */
@Schema(name = "PasswordRequest", description = "A new password for a user of the built-in store.")
public record PasswordRequest(
    @Schema(description = "12 to 256 characters; stored only as a PBKDF2 hash.", writeOnly = true)
        @NotBlank
        String password) {}
