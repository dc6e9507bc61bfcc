package dev.setpoint.client.delivery;

/**
 * Setpoint could not deliver a release. The {@link Kind} says whether retrying (or using the
 * last-known-good copy) makes sense. The message names the URL and, for an HTTP error, the status
 * and the problem's {@code detail}; it never carries a value or a token.
 */
public final class DeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the release could not be delivered. */
  public enum Kind {
    /**
     * A network failure, a timeout, a 5xx, 408 or 429: Setpoint may answer later; the caller may
     * fall back to the last-known-good copy.
     */
    UNAVAILABLE,
    /**
     * Setpoint answered and said no (401, 403, 404, other 4xx, or an unexpected status): a
     * configuration error that a retry will not fix.
     */
    REFUSED
  }

  private final Kind kind;
  private final int status;

  DeliveryException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  /** Whether this is a transient failure or a refusal. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status Setpoint answered with, or 0 when no response arrived. */
  public int status() {
    return status;
  }
}
