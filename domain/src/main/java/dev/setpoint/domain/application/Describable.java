package dev.setpoint.domain.application;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;

/** Rules for the free-text fields of applications and environments. */
final class Describable {

  static final int MAX_NAME = ApiLimits.MAX_NAME_LENGTH;
  static final int MAX_DESCRIPTION = ApiLimits.MAX_DESCRIPTION_LENGTH;

  private Describable() {}

  static void check(String name, String description, String owner) {
    List<InvalidValue.Violation> violations = new ArrayList<>();
    if (name == null || name.isBlank()) {
      violations.add(new InvalidValue.Violation("name", "must not be blank"));
    } else if (name.length() > MAX_NAME) {
      violations.add(
          new InvalidValue.Violation("name", "must be at most " + MAX_NAME + " characters"));
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      violations.add(
          new InvalidValue.Violation(
              "description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    if (owner != null && owner.length() > MAX_NAME) {
      violations.add(
          new InvalidValue.Violation("owner", "must be at most " + MAX_NAME + " characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidValue(violations);
    }
  }
}
