package dev.setpoint.domain.transfer;

import java.util.Arrays;
import java.util.Objects;

/**
 * The port that encrypts an application bundle's secrets to a passphrase: a memory-hard key
 * derivation, then an AEAD whose associated data binds the bundle's readable part, so that a wrong
 * passphrase and an altered file are both refused. Implemented in {@code crypto}.
 */
public interface BundleCipher {

  /**
   * Encrypts {@code plaintext} to {@code passphrase} with a fresh salt and nonce, binding {@code
   * associatedData}.
   */
  Sealed seal(char[] passphrase, byte[] plaintext, byte[] associatedData);

  /**
   * Decrypts what {@link #seal} made. A wrong passphrase, altered ciphertext or associated data, or
   * parameters outside the accepted bounds are an {@code InvalidValue} naming the field.
   */
  byte[] open(char[] passphrase, Sealed sealed, byte[] associatedData);

  /** How the key was derived from the passphrase: written in the bundle, checked when read. */
  record Kdf(String algorithm, int iterations, int memoryKiB, int parallelism, byte[] salt) {

    public Kdf {
      salt = salt.clone();
    }

    @Override
    public byte[] salt() {
      return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Kdf k
          && algorithm.equals(k.algorithm)
          && iterations == k.iterations
          && memoryKiB == k.memoryKiB
          && parallelism == k.parallelism
          && Arrays.equals(salt, k.salt);
    }

    @Override
    public int hashCode() {
      return algorithm.hashCode() * 31 + Arrays.hashCode(salt);
    }
  }

  /**
   * The encrypted section: how its key was made (the passphrase's derivation, or null when the
   * section is encrypted to a {@link RecipientCipher recipient key}), the cipher's name, the
   * recipient key's id (null for a passphrase) and the ciphertext.
   */
  record Sealed(Kdf kdf, String cipher, String recipient, byte[] ciphertext) {

    public Sealed {
      ciphertext = ciphertext.clone();
    }

    /** Encrypted to a passphrase. */
    public Sealed(Kdf kdf, String cipher, byte[] ciphertext) {
      this(kdf, cipher, null, ciphertext);
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sealed s
          && Objects.equals(kdf, s.kdf)
          && cipher.equals(s.cipher)
          && Objects.equals(recipient, s.recipient)
          && Arrays.equals(ciphertext, s.ciphertext);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kdf, cipher, recipient) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Sealed["
          + (kdf == null ? "recipient " + recipient : kdf.algorithm())
          + ", "
          + cipher
          + ", "
          + ciphertext.length
          + " bytes]";
    }
  }
}
