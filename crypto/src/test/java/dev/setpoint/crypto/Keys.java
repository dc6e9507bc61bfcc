package dev.setpoint.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random master keys for tests; no key is ever written into the repository. */
final class Keys {

  private Keys() {}

  static String randomBase64() {
    byte[] raw = new byte[MasterKey.LENGTH];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
