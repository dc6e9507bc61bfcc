package dev.setpoint.domain.shared;

/** The thing a request names does not exist. */
public class NotFound extends DomainException {

  public NotFound(String message) {
    super(message);
  }
}
