package dev.setpoint.domain.setting;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.shared.InvalidValue;

/**
 * The validated content of a setting definition: its type, the canonical default (or null), a
 * description and the required flag.
 */
record SettingSpec(SettingType type, String defaultValue, String description, boolean required) {

  static final int MAX_DESCRIPTION = ApiLimits.MAX_DESCRIPTION_LENGTH;

  /** Validates raw request input; the default is given as JSON text, or null for none. */
  static SettingSpec parse(
      String typeName, String defaultJson, String description, Boolean required) {
    SettingType type = SettingType.named("type", typeName);
    String value = defaultJson == null ? null : type.parse("value", defaultJson);
    refuseCredential(value);
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InvalidValue("description", "must be at most " + MAX_DESCRIPTION + " characters");
    }
    return new SettingSpec(type, value, description, Boolean.TRUE.equals(required));
  }

  /**
   * Refuses a value that looks like a credential: settings are readable by everyone who can read
   * the application's configuration, secrets are encrypted, versioned and revealed on purpose.
   */
  static void refuseCredential(String canonicalValue) {
    CredentialPatterns.find(canonicalValue)
        .ifPresent(
            shape -> {
              throw new InvalidValue(
                  "value",
                  "looks like a credential ("
                      + shape.name()
                      + "); store it as a secret, not as a setting");
            });
  }
}
