package dev.setpoint.api.secret;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Metadata of one version of a secret. */
@Schema(name = "SecretVersion", description = "One version of a secret; never its value.")
public record SecretVersionView(
    int version,
    Instant createdAt,
    String createdBy,
    @Schema(enumeration = {"current", "previous", "retired", "destroyed"}) String state,
    @Schema(description = "For a previous version: when its grace period ends.") Instant validUntil,
    @Schema(enumeration = {"utf-8", "base64"}) String encoding) {}
