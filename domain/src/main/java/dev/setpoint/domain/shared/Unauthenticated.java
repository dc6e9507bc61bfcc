package dev.setpoint.domain.shared;

/** The request carries no valid credentials; the caller must authenticate first (401). */
public class Unauthenticated extends DomainException {

  public Unauthenticated(String message) {
    super(message);
  }
}
