package dev.setpoint.domain.readiness;

/**
 * What a rule found: the rule, the key it is about (null for the environment as a whole) and a
 * sentence of detail that never quotes a value.
 */
public record Finding(ReadinessRule rule, String key, String detail) {

  /** What identifies a finding across evaluations. */
  public String identity() {
    return rule.id() + "|" + (key == null ? "" : key);
  }
}
