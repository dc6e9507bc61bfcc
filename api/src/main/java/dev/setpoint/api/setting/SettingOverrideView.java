package dev.setpoint.api.setting;

import jakarta.json.JsonValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The value a setting has been given in one environment. */
@Schema(name = "SettingOverride", description = "A setting's value in one environment.")
public record SettingOverrideView(
    @Schema(example = "HTTP_PORT") String key,
    @Schema(example = "production") String environment,
    @Schema(enumeration = {"string", "integer", "boolean", "url", "duration", "json"}) String type,
    JsonValue value,
    @Schema(description = "Optimistic-concurrency version; also the entity tag.") long version,
    Instant createdAt,
    Instant updatedAt) {}
