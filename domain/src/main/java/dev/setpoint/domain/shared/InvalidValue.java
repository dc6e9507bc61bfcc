package dev.setpoint.domain.shared;

import java.util.List;

/** One or more values break a rule; each violation names the field and the rule. */
public class InvalidValue extends DomainException {

  /** A field and the rule its value broke. */
  public record Violation(String field, String rule) {}

  private final List<Violation> violations;

  public InvalidValue(String field, String rule) {
    this(List.of(new Violation(field, rule)));
  }

  public InvalidValue(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (Violation v : violations) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(v.field()).append(": ").append(v.rule());
    }
    return text.toString();
  }
}
