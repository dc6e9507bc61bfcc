package dev.setpoint.domain.rollout;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What rolls a rollout back automatically. */
public enum StopCondition {
  /** Instances served the new release stop checking in while the others go on. */
  CHECK_IN("check-in"),
  /** An instance served the new release reports its readiness DOWN. */
  HEALTH("health"),
  /** A firing alert names the environment. */
  ALERT("alert");

  private final String wireName;

  StopCondition(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The condition named {@code text}; {@code field} names the input in the error. */
  public static StopCondition parse(String field, String text) {
    return Arrays.stream(values())
        .filter(c -> c.wireName.equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidValue(
                    field,
                    "must be one of "
                        + Arrays.stream(values())
                            .map(StopCondition::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
