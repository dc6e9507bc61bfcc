package dev.setpoint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.secret.Envelope.Sealed;
import dev.setpoint.domain.secret.KeysUnavailable;
import dev.setpoint.domain.secret.Undecryptable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TinkEnvelopeTest {

  private static final byte[] PLACE = bytes("app|prod|DB_PASSWORD|1");
  private static final byte[] OTHER_PLACE = bytes("app|prod|DB_PASSWORD|2");

  private final String oldKey = Keys.randomBase64();
  private final String newKey = Keys.randomBase64();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static TinkEnvelope envelope(String... keys) {
    TinkEnvelope envelope =
        new TinkEnvelope(
            () -> new MasterKeyRing(Arrays.stream(keys).map(MasterKey::fromBase64).toList()));
    envelope.load();
    return envelope;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void sealsAndOpensAValueForItsPlace() {
    TinkEnvelope envelope = envelope(oldKey);
    byte[] value = bytes("correct horse battery staple " + Keys.randomBase64());
    Sealed sealed = envelope.seal(value, PLACE);

    assertEquals(envelope.primaryKeyId(), sealed.keyId());
    assertFalse(contains(sealed.ciphertext(), value), "ciphertext holds no plaintext");
    assertFalse(contains(sealed.wrappedKey(), value));
    assertArrayEquals(value, envelope.open(sealed, PLACE));
  }

  @Test
  void aCiphertextMovedToAnotherPlaceDoesNotOpen() {
    TinkEnvelope envelope = envelope(oldKey);
    Sealed sealed = envelope.seal(bytes("s3cr3t-" + Keys.randomBase64()), PLACE);
    assertThrows(Undecryptable.class, () -> envelope.open(sealed, OTHER_PLACE));
  }

  @Test
  void anAlteredCiphertextDoesNotOpen() {
    TinkEnvelope envelope = envelope(oldKey);
    Sealed sealed = envelope.seal(bytes("value"), PLACE);
    byte[] altered = sealed.ciphertext().clone();
    altered[altered.length - 1] ^= 1;
    assertThrows(
        Undecryptable.class,
        () -> envelope.open(new Sealed(sealed.keyId(), sealed.wrappedKey(), altered), PLACE));
  }

  @Test
  void everyValueGetsItsOwnDataKey() {
    TinkEnvelope envelope = envelope(oldKey);
    Sealed first = envelope.seal(bytes("same"), PLACE);
    Sealed second = envelope.seal(bytes("same"), PLACE);
    assertFalse(Arrays.equals(first.wrappedKey(), second.wrappedKey()));
    assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
  }

  @Test
  void rewrapMovesTheDataKeyToTheNewPrimaryAndTheOldKeyCanBeRetired() {
    byte[] value = bytes("rotate-me-" + Keys.randomBase64());
    Sealed underOld = envelope(oldKey).seal(value, PLACE);

    TinkEnvelope during = envelope(newKey, oldKey);
    assertArrayEquals(value, during.open(underOld, PLACE), "old data keys still open");
    Sealed rewrapped = during.rewrap(underOld, PLACE);
    assertEquals(during.primaryKeyId(), rewrapped.keyId());
    assertArrayEquals(underOld.ciphertext(), rewrapped.ciphertext(), "ciphertext untouched");

    TinkEnvelope after = envelope(newKey);
    assertArrayEquals(value, after.open(rewrapped, PLACE));
    assertThrows(Undecryptable.class, () -> after.open(underOld, PLACE));
  }

  @Test
  void fingerprintsMatchForEqualValuesInOneScopeOnly() {
    TinkEnvelope envelope = envelope(oldKey);
    byte[] app = bytes("app-1");
    var a = envelope.fingerprint(app, bytes("shared-value"));
    var b = envelope.fingerprint(app, bytes("shared-value"));
    var c = envelope.fingerprint(bytes("app-2"), bytes("shared-value"));
    var d = envelope.fingerprint(app, bytes("other-value"));
    assertArrayEquals(a.value(), b.value());
    assertFalse(Arrays.equals(a.value(), c.value()));
    assertFalse(Arrays.equals(a.value(), d.value()));
    assertNotEquals(envelope(newKey).fingerprint(app, bytes("shared-value")).keyId(), a.keyId());
  }

  @Test
  void withoutKeysNothingIsSealedAndTheReasonIsReported() {
    TinkEnvelope envelope =
        new TinkEnvelope(
            () -> {
              throw new IllegalStateException("no master key is configured");
            });
    envelope.load();
    assertFalse(envelope.ready());
    assertEquals("no master key is configured", envelope.describe());
    assertThrows(KeysUnavailable.class, () -> envelope.seal(bytes("x"), PLACE));
  }

  @Test
  void keyIdsDeriveFromTheKeyAndRevealNothing() {
    MasterKey key = MasterKey.fromBase64(oldKey);
    assertEquals(key.id(), MasterKey.fromBase64(oldKey).id());
    assertTrue(key.id().matches("k[0-9a-f]{12}"), key.id());
    assertFalse(key.toString().contains(oldKey));
    assertEquals(List.of(key.id()), new MasterKeyRing(List.of(key, key)).ids());
  }
}
