package dev.setpoint.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.transfer.BundleCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A bundle's secrets encrypted to a passphrase: Argon2id (BouncyCastle; RFC 9106's second
 * recommended setting, 3 passes over 64 MiB) derives a 256-bit key from the passphrase and a random
 * salt, and Tink's AES-256-GCM encrypts with it (random nonce, the bundle's readable part as
 * associated data). Parameters read from a bundle are bounded, so a file cannot ask for gigabytes
 * of memory.
 */
@ApplicationScoped
public class PassphraseBundleCipher implements BundleCipher {

  static final String ARGON2ID = "argon2id";
  static final String AES256_GCM = "AES256_GCM";
  static final int ITERATIONS = 2;
  static final int MEMORY_KIB = 19 * 1024;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int MAX_ITERATIONS = 10;
  static final int MIN_MEMORY_KIB = 19 * 1024;
  static final int MAX_MEMORY_KIB = 64 * 1024;

  /** One key derivation at a time: each holds its memory (up to 64 MiB) while it runs. */
  private static final java.util.concurrent.Semaphore DERIVING =
      new java.util.concurrent.Semaphore(1);

  static final int MAX_PARALLELISM = 4;

  private final SecureRandom random = new SecureRandom();
  private final int iterations;
  private final int memoryKiB;

  /** The recommended parameters. */
  public PassphraseBundleCipher() {
    this(ITERATIONS, MEMORY_KIB);
  }

  /** Other parameters (within the bounds a bundle is read with): for tests. */
  PassphraseBundleCipher(int iterations, int memoryKiB) {
    this.iterations = iterations;
    this.memoryKiB = memoryKiB;
  }

  @Override
  public Sealed seal(char[] passphrase, byte[] plaintext, byte[] associatedData) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Kdf kdf = new Kdf(ARGON2ID, iterations, memoryKiB, PARALLELISM, salt);
    try {
      return new Sealed(kdf, AES256_GCM, aead(passphrase, kdf).encrypt(plaintext, associatedData));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    }
  }

  @Override
  public byte[] open(char[] passphrase, Sealed sealed, byte[] associatedData) {
    check(sealed);
    try {
      return aead(passphrase, sealed.kdf()).decrypt(sealed.ciphertext(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new InvalidValue(
          "secrets",
          "cannot be decrypted: the passphrase is wrong or the bundle was altered"
              + " (its secrets are authenticated together with its readable part)");
    }
  }

  private static void check(Sealed sealed) {
    Kdf kdf = sealed.kdf();
    if (!ARGON2ID.equals(kdf.algorithm())) {
      throw new InvalidValue("secrets.kdf.algorithm", "must be " + ARGON2ID);
    }
    if (!AES256_GCM.equals(sealed.cipher())) {
      throw new InvalidValue("secrets.cipher", "must be " + AES256_GCM);
    }
    if (kdf.iterations() < 1 || kdf.iterations() > MAX_ITERATIONS) {
      throw new InvalidValue("secrets.kdf.iterations", "must be between 1 and " + MAX_ITERATIONS);
    }
    if (kdf.memoryKiB() < MIN_MEMORY_KIB || kdf.memoryKiB() > MAX_MEMORY_KIB) {
      throw new InvalidValue(
          "secrets.kdf.memoryKiB",
          "must be between " + MIN_MEMORY_KIB + " and " + MAX_MEMORY_KIB + " KiB");
    }
    if (kdf.parallelism() < 1 || kdf.parallelism() > MAX_PARALLELISM) {
      throw new InvalidValue("secrets.kdf.parallelism", "must be between 1 and " + MAX_PARALLELISM);
    }
    if (kdf.salt().length < SALT_BYTES || kdf.salt().length > 64) {
      throw new InvalidValue("secrets.kdf.salt", "must be 16 to 64 bytes");
    }
  }

  private static Aead aead(char[] passphrase, Kdf kdf) throws GeneralSecurityException {
    byte[] secret = utf8(passphrase);
    byte[] key = new byte[32];
    DERIVING.acquireUninterruptibly();
    try {
      Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
      argon2.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withIterations(kdf.iterations())
              .withMemoryAsKB(kdf.memoryKiB())
              .withParallelism(kdf.parallelism())
              .withSalt(kdf.salt())
              .build());
      argon2.generateBytes(secret, key);
      AesGcmParameters parameters =
          AesGcmParameters.builder()
              .setKeySizeBytes(32)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
      return AesGcmJce.create(
          AesGcmKey.builder()
              .setParameters(parameters)
              .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
              .build());
    } finally {
      DERIVING.release();
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] utf8(char[] passphrase) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }
}
