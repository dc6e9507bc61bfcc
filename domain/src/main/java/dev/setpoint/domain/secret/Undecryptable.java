package dev.setpoint.domain.secret;

import dev.setpoint.domain.shared.DomainException;

/**
 * A stored secret could not be decrypted: it was moved, altered, or its key-encryption key is not
 * loaded. This is an integrity failure on Setpoint's side, never the caller's fault.
 */
public class Undecryptable extends DomainException {

  public Undecryptable(String message, Throwable cause) {
    super(message, cause);
  }
}
