package dev.setpoint.api.setting;

import dev.setpoint.api.ApiLimits;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Defines (or redefines) a setting of an application. */
@Schema(
    name = "SettingDefinitionRequest",
    description = "A setting definition to create or replace.")
public record SettingDefinitionRequest(
    @Schema(
            required = true,
            enumeration = {"string", "integer", "boolean", "url", "duration", "json"},
            example = "integer")
        @NotNull
        @Pattern(
            regexp = SettingTypes.PATTERN,
            message = "must be one of string, integer, boolean, url, duration, json")
        String type,
    @Schema(
            description =
                "Default value, validated against the type. Send numbers and booleans as JSON"
                    + " numbers/booleans or as strings; a json setting takes any JSON value.",
            example = "8080")
        JsonValue value,
    @Schema(description = "What the setting controls.")
        @Size(max = ApiLimits.MAX_DESCRIPTION_LENGTH)
        String description,
    @Schema(
            description = "Whether every environment must end up with a value.",
            defaultValue = "false")
        Boolean required) {}
