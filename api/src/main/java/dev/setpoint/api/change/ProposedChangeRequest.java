package dev.setpoint.api.change;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One proposed change. */
@Schema(name = "ProposedChange", description = "One write a change request carries.")
public record ProposedChangeRequest(
    @Schema(
            required = true,
            enumeration = {
              "set-setting",
              "remove-setting",
              "set-secret",
              "delete-secret",
              "publish"
            },
            example = "set-setting")
        @NotNull
        String op,
    @Schema(description = "The setting or secret key; absent for publish.", example = "db.pool")
        String key,
    @Schema(
            description =
                "set-setting: the value, checked against the definition's type. set-secret: the"
                    + " secret value as a string (stored encrypted, never shown again).",
            example = "20")
        JsonValue value,
    @Schema(
            description = "set-secret: utf-8 (default) or base64.",
            enumeration = {"utf-8", "base64"})
        String encoding,
    @Schema(description = "publish: the release message.", example = "Raise the pool size")
        String message,
    @Schema(
            type = SchemaType.OBJECT,
            description = "publish: a staged rollout request, kept as given and passed on.")
        JsonObject rollout) {}
