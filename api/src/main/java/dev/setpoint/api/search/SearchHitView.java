package dev.setpoint.api.search;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing a search across applications found. */
@Schema(
    name = "SearchHit",
    description =
        "An application (by slug or name), a setting (by key, default or an environment's"
            + " override) or a secret (by key name only; never its value).")
public record SearchHitView(
    @Schema(enumeration = {"application", "setting", "secret"}) String kind,
    @Schema(description = "The application's slug.", example = "billing") String application,
    @Schema(description = "The application's name.", example = "Billing") String applicationName,
    @Schema(
            description =
                "The environment of an override or a secret; absent for applications and"
                    + " defaults.",
            example = "staging")
        String environment,
    @Schema(description = "The setting's or secret's key; absent for applications.") String key,
    @Schema(
            enumeration = {"slug", "name", "key", "value"},
            description = "What contained the text.")
        String matched,
    @Schema(
            enumeration = {"string", "integer", "boolean", "url", "duration", "json"},
            description = "A setting's type; absent for the rest.")
        String type,
    @Schema(description = "A setting's value (the default, or the environment's override).")
        JsonValue value) {}
