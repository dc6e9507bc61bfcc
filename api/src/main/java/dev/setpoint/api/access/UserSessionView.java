package dev.setpoint.api.access;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of a user's console sessions, as an admin or the user sees it: never its id or token. */
@Schema(
    name = "UserSession",
    description = "A live console session of a user: when it started, was last used and ends.")
public record UserSessionView(
    @Schema(description = "When the user signed in.") Instant startedAt,
    @Schema(
            description =
                "The last use stored (uses are written in batches, so it may trail by seconds).")
        Instant lastSeenAt,
    @Schema(description = "How long it may go unused.", example = "1800") long idleTimeoutSeconds,
    @Schema(description = "Its absolute end.") Instant expiresAt) {}
