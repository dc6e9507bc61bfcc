package dev.setpoint.domain.transfer;

/**
 * The port that encrypts an application bundle's secrets to a recipient's public key (hybrid
 * public-key encryption, docs/bundles.md), so that only the holder of the matching private key can
 * read them; the server never sees that private key. The bundle's readable part is bound as the
 * context: decryption fails if it was altered. Implemented in {@code crypto}.
 */
public interface RecipientCipher {

  /**
   * Checks that {@code publicKeyset} is a public keyset this server encrypts to (no private key in
   * it); otherwise an {@code InvalidValue} for field {@code recipient}.
   */
  void check(String publicKeyset);

  /**
   * Encrypts {@code plaintext} to the primary key of {@code publicKeyset}, binding {@code
   * associatedData}; the answer names the key's id and the cipher, and has no key derivation.
   */
  BundleCipher.Sealed seal(String publicKeyset, byte[] plaintext, byte[] associatedData);
}
