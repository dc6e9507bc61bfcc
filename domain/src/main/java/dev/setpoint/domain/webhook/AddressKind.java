package dev.setpoint.domain.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may not reach unless the operator allows them: the blocks that lead
 * into the server itself or the network it stands in. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they lead to.
 */
enum AddressKind {
  UNSPECIFIED("the unspecified address or 'this network' (0.0.0.0/8, ::)", "0.0.0.0/8", "::/128"),
  LOOPBACK("a loopback address (127.0.0.0/8, ::1)", "127.0.0.0/8", "::1/128"),
  LINK_LOCAL("a link-local address (169.254.0.0/16, fe80::/10)", "169.254.0.0/16", "fe80::/10"),
  PRIVATE(
      "a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7)",
      "10.0.0.0/8",
      "172.16.0.0/12",
      "192.168.0.0/16",
      "100.64.0.0/10",
      "fc00::/7",
      "fec0::/10"),
  MULTICAST("a multicast address (224.0.0.0/4, ff00::/8)", "224.0.0.0/4", "ff00::/8"),
  BROADCAST_OR_RESERVED(
      "a broadcast or reserved address (240.0.0.0/4, 255.255.255.255)",
      "240.0.0.0/4",
      "192.0.0.0/24",
      "198.18.0.0/15"),
  TUNNEL(
      "an IPv6 tunnel or translation address whose destination cannot be checked (Teredo"
          + " 2001::/32, local NAT64 64:ff9b:1::/48, discard 100::/64)",
      "2001::/32",
      "64:ff9b:1::/48",
      "100::/64");

  /** ::ffff:0:0/96, spelled as bytes: the JDK reads its text as the IPv4 address it maps. */
  private static final Cidr MAPPED =
      new Cidr(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0}, 96);

  private static final Cidr COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private final String description;
  private final List<Cidr> blocks;

  AddressKind(String description, String... blocks) {
    this.description = description;
    this.blocks = Arrays.stream(blocks).map(Cidr::parse).toList();
  }

  /** What the rule refuses, for the error message. */
  String description() {
    return description;
  }

  /** The kind of address {@code address} leads to, or empty for an ordinary public address. */
  static Optional<AddressKind> of(InetAddress address) {
    byte[] bytes = effective(address).getAddress();
    return Arrays.stream(values())
        .filter(k -> k.blocks.stream().anyMatch(b -> b.contains(bytes)))
        .findFirst();
  }

  /**
   * The address a packet to {@code address} really goes to: the IPv4 address inside an IPv4-mapped,
   * IPv4-compatible, NAT64 or 6to4 address, else the address itself.
   */
  static InetAddress effective(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return address;
    }
    if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
      return ipv4(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (COMPATIBLE.contains(bytes) && !isZeroOrOne(bytes)) {
      return ipv4(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return ipv4(Arrays.copyOfRange(bytes, 2, 6));
    }
    return address;
  }

  /** {@code ::} and {@code ::1} are IPv6's own unspecified and loopback addresses. */
  private static boolean isZeroOrOne(byte[] bytes) {
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 0 || bytes[15] == 1;
  }

  private static Inet4Address ipv4(byte[] bytes) {
    try {
      return (Inet4Address) InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
