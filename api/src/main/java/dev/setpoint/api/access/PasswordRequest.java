package dev.setpoint.api.access;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new password. */
@Schema(name = "PasswordRequest", description = "A new password for a user of the built-in store.")
public record PasswordRequest(
    @Schema(description = PasswordRequest.RULE, writeOnly = true) @NotBlank String password) {

  /** What a password must be, as the API documents it. */
  static final String RULE =
      ApiLimits.MIN_PASSWORD_LENGTH
          + " to "
          + ApiLimits.MAX_PASSWORD_LENGTH
          + " characters; stored only as a PBKDF2 hash.";
}
