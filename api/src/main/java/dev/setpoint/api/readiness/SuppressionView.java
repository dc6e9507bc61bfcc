package dev.setpoint.api.readiness;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An accepted finding, until it expires. */
@Schema(name = "Suppression")
public record SuppressionView(
    String id,
    String rule,
    @Schema(description = "The key; absent when the whole rule is accepted in the environment.")
        String key,
    String reason,
    Instant expiresAt,
    String createdBy,
    Instant createdAt) {}
