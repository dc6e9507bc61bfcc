package dev.setpoint.domain.secret;

import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.setting.SettingKey;
import java.util.Objects;

/**
 * A new value for secret {@code key} in environment {@code where}, as the caller sent it: the text,
 * its encoding (null for UTF-8 text) and who writes it. The value is checked by the use case, once
 * the caller may write there, and never appears in {@link #toString()}.
 */
public record WriteSecret(
    EnvironmentRef where, SettingKey key, String value, String encoding, String actor) {

  public WriteSecret {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "WriteSecret[" + where + " " + key + " by " + actor + "]";
  }
}
