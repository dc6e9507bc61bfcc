package dev.setpoint.domain.transfer;

import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values in force in one environment, by key: a setting's override or default, a secret's
 * current version (by fingerprint only).
 */
final class EnvironmentValues {

  /** One key's value in force: a setting's canonical text, or a secret's version. */
  record InForce(String key, SettingType type, String value, Secret secret, SecretVersion version) {

    boolean isSecret() {
      return secret != null;
    }

    String typeName() {
      return isSecret() ? ImportPlanner.SECRET : type.wireName();
    }

    /** Equal values: the same canonical text, or fingerprints made with the same key. */
    boolean sameAs(InForce other) {
      if (isSecret()) {
        return version.fingerprintKeyId() != null
            && version.fingerprintKeyId().equals(other.version.fingerprintKeyId())
            && version.fingerprint().equals(other.version.fingerprint());
      }
      return value.equals(other.value);
    }

    @Override
    public String toString() {
      return "InForce[" + key + " " + typeName() + "]";
    }
  }

  private EnvironmentValues() {}

  static Map<String, InForce> of(TargetState state) {
    Map<String, InForce> values = new TreeMap<>();
    for (SettingDefinition definition : state.definitions.values()) {
      String key = definition.key().value();
      SettingOverride override = state.overrides.get(key);
      String value = override != null ? override.value() : definition.defaultValue();
      if (value != null) {
        values.put(key, new InForce(key, definition.type(), value, null, null));
      }
    }
    for (Secret secret : state.secrets.values()) {
      if (secret.deleted()) {
        continue;
      }
      Optional<SecretVersion> current = state.current(secret);
      current.ifPresent(
          v ->
              values.put(
                  secret.key().value(), new InForce(secret.key().value(), null, null, secret, v)));
    }
    return values;
  }
}
