package dev.setpoint.api.access;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service token as listed: never the token itself. */
@Schema(
    name = "Token",
    description = "A service token's metadata; the token itself is never shown again.")
public record TokenView(
    String id,
    String name,
    String application,
    List<String> environments,
    @Schema(description = "The token's first characters, to recognise it.", example = "stp_Xy3q")
        String prefix,
    @Schema(
            enumeration = {"active", "expired", "revoked"},
            example = "active")
        String status,
    Instant expiresAt,
    @Schema(description = "Last successful use, to the minute.") Instant lastUsedAt,
    Instant revokedAt,
    Instant createdAt,
    String createdBy) {}
