package dev.setpoint.api.setting;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sets the value a setting takes in one environment. */
@Schema(name = "SettingOverrideRequest", description = "The value of a setting in one environment.")
public record SettingOverrideRequest(
    @Schema(
            required = true,
            description = "Validated against the definition's type.",
            example = "8443")
        @NotNull
        JsonValue value) {}
