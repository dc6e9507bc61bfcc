package dev.setpoint.domain.secret;

import java.util.List;

/**
 * Envelope encryption as the domain needs it. Each value is encrypted under its own data key; the
 * data key is wrapped by a key-encryption key (KEK) that never reaches the database. Both layers
 * bind the ciphertext to its place (associated data), so a ciphertext copied to another row does
 * not decrypt.
 */
public interface Envelope {

  /** A sealed value: which KEK wrapped its data key, the wrapped data key, and the ciphertext. */
  record Sealed(String keyId, byte[] wrappedKey, byte[] ciphertext) {}

  /** A keyed fingerprint of a value and the id of the key that made it. */
  record Fingerprint(String keyId, byte[] value) {}

  /** True when the key-encryption keys are loaded and usable. */
  boolean ready();

  /** A secret-free sentence on the keys' state, for health reports and logs. */
  String describe();

  /** Ids of every loaded KEK, the primary first; empty when none is loaded. */
  List<String> keyIds();

  /** Of the given key ids (those wrapping stored data keys), the ones that are not loaded. */
  default List<String> notLoaded(List<String> keyIdsInUse) {
    List<String> loaded = keyIds();
    return keyIdsInUse.stream().filter(id -> !loaded.contains(id)).toList();
  }

  /** Id of the KEK new values are wrapped under. */
  String primaryKeyId();

  /** Encrypts {@code plaintext} for the place {@code place} under a fresh data key. */
  Sealed seal(byte[] plaintext, byte[] place);

  /**
   * Decrypts a sealed value for {@code place}.
   *
   * @throws Undecryptable when the value was sealed for another place, was altered, or its KEK is
   *     not loaded
   */
  byte[] open(Sealed sealed, byte[] place);

  /**
   * A sealed value whose data key is already unwrapped, for values served again and again: each
   * {@link #open()} only decrypts the ciphertext. The plaintext itself is never kept.
   */
  interface Opener {
    /**
     * Decrypts the value.
     *
     * @throws Undecryptable when the ciphertext does not decrypt for its place
     */
    byte[] open();
  }

  /**
   * Unwraps the data key of a sealed value once, for repeated decryption.
   *
   * @throws Undecryptable when the data key does not unwrap for {@code place}
   */
  Opener prepare(Sealed sealed, byte[] place);

  /** Re-wraps the data key of a sealed value under the primary KEK; the ciphertext is unchanged. */
  Sealed rewrap(Sealed sealed, byte[] place);

  /**
   * A keyed fingerprint (HMAC) of {@code plaintext} within {@code scope}: equal values in the same
   * scope have equal fingerprints, and nothing about the value can be learned from it.
   */
  Fingerprint fingerprint(byte[] scope, byte[] plaintext);
}
