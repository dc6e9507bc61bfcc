package dev.setpoint.domain.setting;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * The name of a setting: a letter or underscore, then up to 127 letters, digits, dots, dashes or
 * underscores, so it works as an environment variable, a properties key and a path segment.
 */
public record SettingKey(String value) {

  private static final Pattern FORMAT = Pattern.compile(ApiLimits.KEY_PATTERN);

  /** The rule a key follows, worded for an error message. */
  public static final String RULE = "must match " + FORMAT.pattern();

  public SettingKey {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(RULE);
    }
  }

  /** Parses {@code value}, reporting a violation against {@code field} when it is not a key. */
  public static SettingKey of(String field, String value) {
    if (value == null) {
      throw new InvalidValue(field, "must not be null");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidValue(field, RULE);
    }
    return new SettingKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
