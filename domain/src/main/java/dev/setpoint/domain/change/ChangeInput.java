package dev.setpoint.domain.change;

/**
 * One change as a caller proposes it, unchecked: {@code op} names what it does; a setting's value
 * is JSON text, a secret's value its text (in {@code encoding}); a publish may carry a message and
 * an opaque rollout object (JSON text). The value never appears in {@link #toString()}.
 */
public record ChangeInput(
    String op, String key, String value, String encoding, String message, String rollout) {

  @Override
  public String toString() {
    return "ChangeInput[" + op + " " + key + "]";
  }
}
