package dev.setpoint.crypto;

/**
 * Where the key-encryption keys come from. The local provider reads a mounted file or the
 * environment; a cloud KMS provider would implement the same method.
 */
public interface MasterKeyProvider {

  /**
   * Loads the keys.
   *
   * @throws IllegalStateException with a secret-free, operator-facing reason when no usable key is
   *     configured
   */
  MasterKeyRing load();
}
