package dev.setpoint.domain.transfer;

/**
 * A plan item with what applying it writes: the JSON text of a setting's value, or a secret's
 * plaintext. Never leaves the domain, and its text never appears in {@link #toString()}.
 */
record PlannedWrite(PlanItem item, String payload) {

  @Override
  public String toString() {
    return "PlannedWrite[" + item.environment() + " " + item.key() + " " + item.outcome() + "]";
  }
}
