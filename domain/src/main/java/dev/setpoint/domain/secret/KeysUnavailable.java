package dev.setpoint.domain.secret;

import dev.setpoint.domain.shared.DomainException;

/** The key-encryption keys are not loaded, so no secret can be written or revealed. */
public class KeysUnavailable extends DomainException {

  public KeysUnavailable(String message) {
    super(message);
  }
}
