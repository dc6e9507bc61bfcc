package dev.setpoint.api.change;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One proposed change as stored; a secret's value is never shown. */
@Schema(name = "Change", description = "One proposed change; secret values are never shown.")
public record ChangeView(
    @Schema(
            enumeration = {
              "set-setting",
              "remove-setting",
              "set-secret",
              "delete-secret",
              "publish"
            })
        String op,
    String key,
    @Schema(description = "set-setting: the new value.") JsonValue value,
    String message,
    @Schema(type = SchemaType.OBJECT, description = "publish: the rollout request as given.")
        JsonObject rollout) {}
