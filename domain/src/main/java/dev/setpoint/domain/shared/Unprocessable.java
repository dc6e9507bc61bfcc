package dev.setpoint.domain.shared;

import java.util.List;

/**
 * The request is well formed, but what is stored does not allow it (for example, a release of an
 * environment in which required settings have no value). Each violation names a key and the rule.
 */
public class Unprocessable extends DomainException {

  private final List<InvalidValue.Violation> violations;

  public Unprocessable(String message, List<InvalidValue.Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public List<InvalidValue.Violation> violations() {
    return violations;
  }
}
