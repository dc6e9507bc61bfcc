package dev.setpoint.domain.transfer;

/**
 * A plan item with what applying it writes: the JSON text of a setting's value, or a secret's
 * plaintext; for a definition a bundle restores, its description and required flag (null: an
 * import's, which keeps an existing definition's). Never leaves the domain, and its text never
 * appears in {@link #toString()}.
 */
record PlannedWrite(PlanItem item, String payload, String description, Boolean required) {

  PlannedWrite(PlanItem item, String payload) {
    this(item, payload, null, null);
  }

  /** This write, defining its setting with {@code description} and {@code required}. */
  PlannedWrite describedAs(String description, boolean required) {
    return new PlannedWrite(item, payload, description, required);
  }

  @Override
  public String toString() {
    return "PlannedWrite[" + item.environment() + " " + item.key() + " " + item.outcome() + "]";
  }
}
