package dev.setpoint.domain.shared;

/** The caller changed something based on a version that is no longer the current one. */
public class StaleVersion extends DomainException {

  public StaleVersion(String message) {
    super(message);
  }
}
