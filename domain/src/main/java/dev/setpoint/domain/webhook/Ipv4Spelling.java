package dev.setpoint.domain.webhook;

import java.util.Optional;

/**
 * The numeric spellings of an IPv4 address that C resolvers ({@code inet_aton}) and browsers accept
 * besides {@code a.b.c.d}: one to four parts, each decimal, octal ({@code 0177}) or hex ({@code
 * 0x7f}), the last filling the remaining bytes ({@code 127.1}, {@code 2130706433}). The JDK parses
 * only some of them, yet the system resolver would turn the others into an address at send time;
 * registration reads them all so none slips past as a "host name".
 */
record Ipv4Spelling(byte[] address, boolean canonical) {

  /**
   * Whether {@code host} is meant as a number: its last label is a number in any base (the WHATWG
   * URL rule), so {@code 0x7f.1} and {@code 1.2.3.0300} count, {@code 1.2.3.example} does not.
   */
  static boolean looksNumeric(String host) {
    String last = host.substring(host.lastIndexOf('.') + 1);
    return !last.isEmpty() && (last.chars().allMatch(Character::isDigit) || isHex(last));
  }

  /** The address {@code host} spells, or empty when it is no valid numeric IPv4 spelling. */
  static Optional<Ipv4Spelling> parse(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    boolean canonical = parts.length == 4;
    for (int i = 0; i < parts.length; i++) {
      Long value = number(parts[i]);
      if (value == null) {
        return Optional.empty();
      }
      values[i] = value;
      canonical &= parts[i].equals(Long.toString(value));
    }
    long address = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      address = address << 8 | values[i];
    }
    int restBits = 8 * (5 - parts.length);
    long last = values[parts.length - 1];
    if (last >= 1L << restBits) {
      return Optional.empty();
    }
    address = address << restBits | last;
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    return Optional.of(new Ipv4Spelling(bytes, canonical));
  }

  private static boolean isHex(String part) {
    return part.length() > 2
        && (part.startsWith("0x") || part.startsWith("0X"))
        && part.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** One part in its base, or null; at most 32 bits. */
  private static Long number(String part) {
    if (part.isEmpty() || part.length() > 34) {
      return null;
    }
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) {
      return radix == 16 ? 0L : null;
    }
    int base = radix;
    if (!digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
      return null;
    }
    try {
      long value = Long.parseLong(digits, radix);
      return value >= 0 && value <= 0xFFFF_FFFFL ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
