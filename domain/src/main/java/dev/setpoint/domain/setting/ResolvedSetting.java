package dev.setpoint.domain.setting;

import java.util.Optional;

/**
 * A setting's effective value in one environment: the override if there is one, else the default.
 * {@code value} and {@code source} are null when neither exists.
 */
public record ResolvedSetting(
    SettingKey key, SettingType type, String value, ValueSource source, boolean required) {

  /** Resolves a definition against the override given in an environment, if any. */
  public static ResolvedSetting resolve(
      SettingDefinition definition, Optional<SettingOverride> override) {
    if (override.isPresent()) {
      return new ResolvedSetting(
          definition.key(),
          definition.type(),
          override.get().value(),
          ValueSource.ENVIRONMENT,
          definition.required());
    }
    if (definition.defaultValue() != null) {
      return new ResolvedSetting(
          definition.key(),
          definition.type(),
          definition.defaultValue(),
          ValueSource.DEFAULT,
          definition.required());
    }
    return new ResolvedSetting(
        definition.key(), definition.type(), null, null, definition.required());
  }

  /** True when the setting is required but has no value in this environment. */
  public boolean missing() {
    return required && value == null;
  }
}
