package dev.setpoint.domain.secret;

/**
 * A stored secret could not be decrypted: it was moved, altered, or its key-encryption key is not
 * loaded. This is an integrity failure on Setpoint's side, never the caller's fault.
 */
public class Undecryptable extends RuntimeException {

  public Undecryptable(String message, Throwable cause) {
    super(message, cause);
  }
}
