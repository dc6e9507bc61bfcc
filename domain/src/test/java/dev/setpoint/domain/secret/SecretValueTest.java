package dev.setpoint.domain.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretValueTest {

  @Test
  void textIsStoredAsUtf8AndShownAsWritten() {
    SecretValue value = SecretValue.of("pässwörd-ü", null, 100);
    assertEquals("utf-8", value.encoding());
    assertArrayEquals("pässwörd-ü".getBytes(StandardCharsets.UTF_8), value.bytes());
    assertEquals("pässwörd-ü", value.text());
  }

  @Test
  void binaryValuesRoundTripThroughBase64() {
    byte[] raw = {0, 1, (byte) 0xff, 42};
    SecretValue value = SecretValue.of(Base64.getEncoder().encodeToString(raw), "base64", 100);
    assertArrayEquals(raw, value.bytes());
    assertEquals(Base64.getEncoder().encodeToString(raw), value.text());
  }

  @Test
  void theSizeLimitCountsBytesNotCharacters() {
    assertEquals(4, SecretValue.of("ü".repeat(2), null, 4).bytes().length);
    InvalidValue e = assertThrows(InvalidValue.class, () -> SecretValue.of("ü".repeat(3), null, 4));
    assertEquals("value: must be at most 4 bytes", e.getMessage());
  }

  @Test
  void badInputIsNamedByField() {
    assertEquals(
        "value",
        assertThrows(InvalidValue.class, () -> SecretValue.of("", null, 10))
            .violations()
            .get(0)
            .field());
    assertEquals(
        "value",
        assertThrows(InvalidValue.class, () -> SecretValue.of("%%", "base64", 10))
            .violations()
            .get(0)
            .field());
    assertEquals(
        "encoding",
        assertThrows(InvalidValue.class, () -> SecretValue.of("x", "hex", 10))
            .violations()
            .get(0)
            .field());
  }

  @Test
  void neitherToStringNorWipeLeakTheValue() {
    SecretValue value = SecretValue.of("top-secret", null, 100);
    assertFalse(value.toString().contains("top-secret"));
    value.wipe();
    assertFalse(value.text().contains("top-secret"));
  }
}
