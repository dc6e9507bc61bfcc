package dev.setpoint.domain.shared;

/** The request clashes with what is already stored (a duplicate slug or key, dependent data). */
public class Conflict extends DomainException {

  public Conflict(String message) {
    super(message);
  }
}
