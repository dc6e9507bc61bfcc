package dev.setpoint.domain.secret;

import dev.setpoint.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A secret's plaintext and how it travels in JSON: {@code utf-8} text, or {@code base64} for binary
 * values. {@link #toString()} never shows the value.
 */
public final class SecretValue {

  public static final String UTF_8 = "utf-8";
  public static final String BASE64 = "base64";

  private final byte[] bytes;
  private final String encoding;

  private SecretValue(byte[] bytes, String encoding) {
    this.bytes = bytes;
    this.encoding = encoding;
  }

  /**
   * Reads a value as the API received it.
   *
   * @throws InvalidValue naming {@code value} or {@code encoding} and the rule broken
   */
  public static SecretValue of(String value, String encoding, int maxBytes) {
    String how = encoding == null ? UTF_8 : encoding;
    if (value == null || value.isEmpty()) {
      throw new InvalidValue("value", "must not be empty");
    }
    byte[] bytes;
    if (UTF_8.equals(how)) {
      bytes = value.getBytes(StandardCharsets.UTF_8);
    } else if (BASE64.equals(how)) {
      try {
        bytes = Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        throw new InvalidValue("value", "must be base64 when encoding is base64");
      }
    } else {
      throw new InvalidValue("encoding", "must be utf-8 or base64");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidValue("value", "must be at most " + maxBytes + " bytes");
    }
    return new SecretValue(bytes, how);
  }

  /** A decrypted value in the encoding it was written with. */
  public static SecretValue decrypted(byte[] bytes, String encoding) {
    return new SecretValue(bytes, encoding);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String encoding() {
    return encoding;
  }

  /** The value as the API shows it: text for utf-8, base64 for binary. */
  public String text() {
    return UTF_8.equals(encoding)
        ? new String(bytes, StandardCharsets.UTF_8)
        : Base64.getEncoder().encodeToString(bytes);
  }

  /** Overwrites the plaintext in memory once it is no longer needed. */
  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "SecretValue[" + bytes.length + " bytes, " + encoding + "]";
  }
}
