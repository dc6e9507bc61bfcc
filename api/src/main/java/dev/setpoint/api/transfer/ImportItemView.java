package dev.setpoint.api.transfer;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import or a copy does with one key. */
@Schema(name = "ImportItem", description = "What an import or a copy does with one key.")
public record ImportItemView(
    @Schema(
            description = "The environment written; absent for the application's defaults.",
            example = "staging")
        String environment,
    @Schema(example = "HTTP_PORT") String key,
    @Schema(
            description = "Where the value goes: a setting, or a secret (credential-shaped keys).",
            enumeration = {"setting", "secret"})
        String kind,
    @Schema(enumeration = {"add", "change", "unchanged", "refused"}) String action,
    @Schema(
            description = "The setting's type, inferred or given; absent for secrets and refusals.",
            enumeration = {"string", "integer", "boolean", "url", "duration", "json"})
        String type,
    @Schema(
            description =
                "A setting's value once validated; never present for a secret or a refusal.")
        JsonValue value,
    @Schema(
            description =
                "Why the key is refused: an invalid key, a credential-shaped value, a type mismatch,"
                    + " ...")
        String reason,
    @Schema(description = "Whether the setting is new to the application and gets defined.")
        boolean defines) {}
