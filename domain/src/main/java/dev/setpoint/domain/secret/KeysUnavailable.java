package dev.setpoint.domain.secret;

/** The key-encryption keys are not loaded, so no secret can be written or revealed. */
public class KeysUnavailable extends RuntimeException {

  public KeysUnavailable(String message) {
    super(message);
  }
}
