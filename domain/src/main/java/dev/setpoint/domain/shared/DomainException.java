package dev.setpoint.domain.shared;

/** A use case could not be carried out for a reason stated in domain terms. */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }

  /** With the lower-level failure that caused it, kept for the log. */
  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
