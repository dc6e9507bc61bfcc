package dev.setpoint.domain.shared;

/** The store cannot be reached and nothing cached can answer; the caller should retry shortly. */
public class Unavailable extends DomainException {

  public Unavailable(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
