package dev.setpoint.domain.audit;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;

/** How an audited attempt ended. */
public enum Outcome {
  /** It was done. */
  SUCCESS,
  /** The caller was not allowed (bad credentials, missing role, invisible application). */
  DENIED,
  /**
   * It was allowed but could not be done (e.g. a secret version that can no longer be revealed).
   */
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome named {@code text}; {@code field} names the input in the error. */
  public static Outcome parse(String field, String text) {
    return Arrays.stream(values())
        .filter(o -> o.wireName().equals(text))
        .findFirst()
        .orElseThrow(() -> new InvalidValue(field, "must be one of success, denied, failed"));
  }
}
