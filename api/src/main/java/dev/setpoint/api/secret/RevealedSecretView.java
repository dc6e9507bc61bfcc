package dev.setpoint.api.secret;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A secret value, revealed on purpose. Served with {@code Cache-Control: no-store}. */
@Schema(name = "RevealedSecret", description = "A secret's value. Never cached.")
public record RevealedSecretView(
    String key,
    int version,
    @Schema(description = "The value, as text or base64 per encoding.", example = "<the value>")
        String value,
    @Schema(enumeration = {"utf-8", "base64"}) String encoding) {}
