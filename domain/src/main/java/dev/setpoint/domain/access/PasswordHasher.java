package dev.setpoint.domain.access;

/**
 * Slow, salted password hashing (PBKDF2 through Jakarta Security in the server). The encoded hash
 * carries its own algorithm, iterations and salt.
 */
public interface PasswordHasher {

  String hash(char[] password);

  boolean verify(char[] password, String encodedHash);
}
