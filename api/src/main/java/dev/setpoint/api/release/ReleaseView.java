package dev.setpoint.api.release;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A release. {@code settings} and {@code secrets} are only filled when one release is read; secrets
 * show the pinned version number, never a value.
 */
@Schema(name = "Release", description = "An immutable, numbered snapshot of an environment.")
public record ReleaseView(
    @Schema(description = "1, 2, 3… per environment.", example = "7") int number,
    @Schema(description = "SHA-256 of the canonical content; the delivery ETag.", example = "9f2c…")
        String hash,
    Instant createdAt,
    String createdBy,
    String message,
    @Schema(description = "When this release is a rollback: the release whose content it repeats.")
        Integer rolledBackFrom,
    @Schema(
            name = "settings",
            description = "Frozen setting values in canonical text form (one release only).")
        Map<String, String> settings,
    @Schema(description = "Pinned secret version per key (one release only).")
        Map<String, Integer> secrets) {}
