package dev.setpoint.domain.shared;

/** The caller is authenticated but its roles do not allow this (403). */
public class Forbidden extends DomainException {

  public Forbidden(String message) {
    super(message);
  }
}
