package dev.setpoint.api.secret;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A secret's metadata; values are only available through reveal. */
@Schema(name = "Secret", description = "A secret's metadata. Values never appear here.")
public record SecretView(
    @Schema(example = "DATABASE_PASSWORD") String key,
    int currentVersion,
    Instant createdAt,
    Instant updatedAt,
    Instant rotatedAt,
    Integer rotationDays,
    @Schema(description = "True when the rotation policy's deadline has passed.")
        boolean rotationDue,
    @Schema(description = "When the next rotation is due under the policy.") Instant rotationDueAt,
    @Schema(description = "Set when the secret is deleted (recoverable).") Instant deletedAt,
    @Schema(description = "Until when a deleted secret can be recovered.") Instant recoverableUntil,
    @Schema(description = "Every version, newest first; absent in lists.")
        List<SecretVersionView> versions) {}
