package dev.setpoint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.transfer.BundleCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PassphraseBundleCipherTest {

  // the smallest memory a bundle may name, so that the tests stay fast
  private final PassphraseBundleCipher cipher =
      new PassphraseBundleCipher(1, PassphraseBundleCipher.MIN_MEMORY_KIB);
  private final char[] passphrase = ("pass-" + UUID.randomUUID()).toCharArray();
  private final byte[] manifest =
      "{\"application\":{\"slug\":\"shop\"}}".getBytes(StandardCharsets.UTF_8);
  private final byte[] secrets = "[\"value-one\",\"value-two\"]".getBytes(StandardCharsets.UTF_8);

  @Test
  void whatIsSealedOpensWithThePassphraseAndTheSameManifest() {
    BundleCipher.Sealed sealed = cipher.seal(passphrase, secrets, manifest);
    assertEquals("argon2id", sealed.kdf().algorithm());
    assertEquals("AES256_GCM", sealed.cipher());
    assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("value-one"));
    assertArrayEquals(secrets, cipher.open(passphrase.clone(), sealed, manifest));
  }

  @Test
  void eachSealHasItsOwnSaltAndNonce() {
    BundleCipher.Sealed one = cipher.seal(passphrase, secrets, manifest);
    BundleCipher.Sealed two = cipher.seal(passphrase, secrets, manifest);
    assertFalse(Arrays.equals(one.kdf().salt(), two.kdf().salt()));
    assertFalse(Arrays.equals(one.ciphertext(), two.ciphertext()));
  }

  @Test
  void aWrongPassphraseAnAlteredManifestOrCiphertextAreRefused() {
    BundleCipher.Sealed sealed = cipher.seal(passphrase, secrets, manifest);
    assertRefused(
        "secrets", () -> cipher.open("another-passphrase".toCharArray(), sealed, manifest));
    byte[] altered = manifest.clone();
    altered[altered.length - 3] ^= 1;
    assertRefused("secrets", () -> cipher.open(passphrase, sealed, altered));
    byte[] flipped = sealed.ciphertext();
    flipped[flipped.length / 2] ^= 1;
    assertRefused(
        "secrets",
        () ->
            cipher.open(
                passphrase,
                new BundleCipher.Sealed(sealed.kdf(), sealed.cipher(), flipped),
                manifest));
  }

  @Test
  void parametersOutsideTheBoundsAreRefusedBeforeAnyWork() {
    BundleCipher.Sealed sealed = cipher.seal(passphrase, secrets, manifest);
    BundleCipher.Kdf kdf = sealed.kdf();
    assertRefused(
        "secrets.kdf.memoryKiB",
        () ->
            cipher.open(
                passphrase,
                new BundleCipher.Sealed(
                    new BundleCipher.Kdf("argon2id", 1, 4 * 1024 * 1024, 1, kdf.salt()),
                    "AES256_GCM",
                    sealed.ciphertext()),
                manifest));
    assertRefused(
        "secrets.kdf.iterations",
        () ->
            cipher.open(
                passphrase,
                new BundleCipher.Sealed(
                    new BundleCipher.Kdf("argon2id", 1000, kdf.memoryKiB(), 1, kdf.salt()),
                    "AES256_GCM",
                    sealed.ciphertext()),
                manifest));
    assertRefused(
        "secrets.kdf.algorithm",
        () ->
            cipher.open(
                passphrase,
                new BundleCipher.Sealed(
                    new BundleCipher.Kdf("pbkdf2", 1, kdf.memoryKiB(), 1, kdf.salt()),
                    "AES256_GCM",
                    sealed.ciphertext()),
                manifest));
    assertRefused(
        "secrets.cipher",
        () ->
            cipher.open(
                passphrase, new BundleCipher.Sealed(kdf, "XOR", sealed.ciphertext()), manifest));
  }

  @Test
  void theRecommendedParametersAreWrittenInTheBundle() {
    BundleCipher.Sealed sealed = new PassphraseBundleCipher().seal(passphrase, secrets, manifest);
    assertEquals(2, sealed.kdf().iterations());
    assertEquals(19 * 1024, sealed.kdf().memoryKiB());
    assertEquals(16, sealed.kdf().salt().length);
  }

  private static void assertRefused(String field, Runnable open) {
    InvalidValue refused = assertThrows(InvalidValue.class, open::run);
    assertEquals(field, refused.violations().get(0).field());
  }
}
