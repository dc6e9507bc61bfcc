package dev.setpoint.domain.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of addresses, {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a block of one.
 */
record Cidr(byte[] prefix, int bits) {

  /**
   * Parses {@code a.b.c.d[/n]} or {@code x:…[/n]}: literals only, never a name lookup.
   *
   * @throws IllegalArgumentException when {@code text} is no such block
   */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      throw new IllegalArgumentException("'" + text + "' is not an address block");
    }
    int bits = bytes.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
      }
    }
    return new Cidr(bytes, bits);
  }

  /** The bytes of an IPv4 ({@code a.b.c.d}) or IPv6 literal, or null for anything else. */
  static byte[] literal(String text) {
    if (text.contains(":")) {
      try {
        // with a colon the JDK parses an IPv6 literal and never asks a resolver
        return InetAddress.getByName(text.startsWith("[") ? text : "[" + text + "]").getAddress();
      } catch (UnknownHostException | IllegalArgumentException e) {
        return null;
      }
    }
    return Ipv4Spelling.parse(text)
        .filter(Ipv4Spelling::canonical)
        .map(s -> s.address())
        .orElse(null);
  }

  boolean contains(byte[] address) {
    if (address.length != prefix.length) {
      return false;
    }
    int whole = bits / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != prefix[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (address[whole] & mask) == (prefix[whole] & mask);
  }
}
