package dev.setpoint.api.setting;

import jakarta.json.JsonValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A setting definition as the API shows it. */
@Schema(name = "SettingDefinition", description = "A setting defined once for an application.")
public record SettingDefinitionView(
    @Schema(example = "HTTP_PORT") String key,
    @Schema(enumeration = {"string", "integer", "boolean", "url", "duration", "json"}) String type,
    @Schema(description = "Default value in its typed JSON form; absent when there is none.")
        JsonValue value,
    String description,
    boolean required,
    @Schema(description = "Optimistic-concurrency version; also the entity tag.") long version,
    Instant createdAt,
    Instant updatedAt) {}
