package dev.setpoint.api.setting;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an environment's resolved settings: the value in force and where it came from. */
@Schema(name = "ResolvedSetting", description = "A setting's effective value in an environment.")
public record ResolvedSettingView(
    @Schema(example = "HTTP_PORT") String key,
    @Schema(enumeration = {"string", "integer", "boolean", "url", "duration", "json"}) String type,
    @Schema(
            description =
                "The effective value; absent when neither a default nor an override exists.")
        JsonValue value,
    @Schema(
            enumeration = {"default", "environment"},
            description = "Where the value comes from; absent when there is no value.")
        String source,
    boolean required) {}
