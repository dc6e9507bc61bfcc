package dev.setpoint.api.access;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person signing in to the console with the built-in user store. */
@Schema(name = "SignInRequest", description = "A built-in user's name and password.")
public record SignInRequest(
    @Schema(description = "The user name.", example = "alice", maxLength = 64)
        @NotBlank
        @Size(max = 64)
        String username,
    @Schema(description = "The password.", writeOnly = true, maxLength = 256)
        @NotBlank
        @Size(max = ApiLimits.MAX_PASSWORD_LENGTH)
        String password) {

  @Override
  public String toString() {
    return "SignInRequest[username=" + username + ", password=redacted]";
  }
}
