package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;

/** Rules for the free-text fields of applications and environments. */
final class Describable {

  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 2000;

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
