package dev.setpoint.domain.webhook;

/**
 * How one delivery attempt ended, as the delivery log shows it: {@code delivered}, {@code
 * refused-target}, {@code timeout}, {@code http-error N}, {@code connection-failed} or {@code
 * signing-key-unavailable}, never the text of a low-level exception. Refusals and an unreadable
 * signing secret end the delivery at once: retrying would only repeat them.
 */
public record DeliveryOutcome(String name, Integer responseStatus, boolean terminal) {

  public static final DeliveryOutcome REFUSED_TARGET =
      new DeliveryOutcome("refused-target", null, true);
  public static final DeliveryOutcome TIMEOUT = new DeliveryOutcome("timeout", null, false);
  public static final DeliveryOutcome CONNECTION_FAILED =
      new DeliveryOutcome("connection-failed", null, false);
  public static final DeliveryOutcome SIGNING_KEY_UNAVAILABLE =
      new DeliveryOutcome("signing-key-unavailable", null, true);

  /** The outcome of an answer with {@code status}. */
  public static DeliveryOutcome answered(int status) {
    return status / 100 == 2
        ? new DeliveryOutcome("delivered", status, false)
        : new DeliveryOutcome("http-error " + status, status, false);
  }

  public boolean delivered() {
    return "delivered".equals(name);
  }
}
