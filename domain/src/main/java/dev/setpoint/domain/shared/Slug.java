package dev.setpoint.domain.shared;

import dev.setpoint.api.ApiLimits;
import java.util.regex.Pattern;

/**
 * The identifier of an application or environment as it appears in paths: lower case letters,
 * digits and dashes, starting with a letter, 2 to 63 characters.
 */
public record Slug(String value) {

  private static final Pattern FORMAT = Pattern.compile(ApiLimits.SLUG_PATTERN);

  /** The rule a slug follows, worded for an error message. */
  public static final String RULE = "must match " + FORMAT.pattern();

  public Slug {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(RULE);
    }
  }

  /** Parses {@code value}, reporting a violation against {@code field} when it is not a slug. */
  public static Slug of(String field, String value) {
    if (value == null) {
      throw new InvalidValue(field, "must not be null");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidValue(field, RULE);
    }
    return new Slug(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
