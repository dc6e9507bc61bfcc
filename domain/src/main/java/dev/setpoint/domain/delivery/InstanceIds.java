package dev.setpoint.domain.delivery;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * The rule for a running instance's id ({@link Delivery#INSTANCE_PATTERN}), in one place for every
 * way an instance names itself: the delivery header, the health report's path, the compatible
 * protocols.
 */
public final class InstanceIds {

  private static final Pattern VALID = Pattern.compile(Delivery.INSTANCE_PATTERN);

  /** What a refused id is told. */
  public static final String RULE = "must be 1 to 128 of letters, digits and _.:@-";

  private InstanceIds() {}

  /** True for an id that follows the rule; false for null. */
  public static boolean valid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /**
   * Refuses an id that breaks the rule, naming {@code field}; an absent id (null) is no id and
   * passes.
   */
  public static void check(String field, String id) {
    if (id != null && !valid(id)) {
      throw new InvalidValue(field, RULE);
    }
  }
}
