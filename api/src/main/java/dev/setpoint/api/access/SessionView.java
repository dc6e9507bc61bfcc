package dev.setpoint.api.access;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The console session the request came with. */
@Schema(
    name = "Session",
    description =
        "A console session: its user, the CSRF token every state-changing request signed in by"
            + " the session must send as X-CSRF-Token, and when it ends.")
public record SessionView(
    @Schema(description = "The signed-in user.", example = "alice") String username,
    @Schema(
            description =
                "Send as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE signed in by"
                    + " this session; the same for the session's life.")
        String csrfToken,
    @Schema(description = "How long the session may go unused before it ends.", example = "1800")
        long idleTimeoutSeconds,
    @Schema(description = "The absolute end of the session, however much it is used.")
        Instant expiresAt) {

  @Override
  public String toString() {
    return "SessionView[username=" + username + ", csrfToken=redacted]";
  }
}
