package dev.setpoint.crypto;

import dev.setpoint.domain.access.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Password hashes by Jakarta Security's PBKDF2 (HMAC-SHA-256, salted, configurable iterations). */
@ApplicationScoped
public class Pbkdf2Hasher implements PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject CryptoConfig config;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(config.pbkdf2Iterations()),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  @Override
  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  @Override
  public boolean verify(char[] password, String encodedHash) {
    return pbkdf2.verify(password, encodedHash);
  }
}
