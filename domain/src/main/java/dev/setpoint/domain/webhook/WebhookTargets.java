package dev.setpoint.domain.webhook;

import dev.setpoint.domain.shared.InvalidValue;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where webhooks may send: anywhere public, plus what the operator allows ({@code
 * setpoint.webhooks.allowed-targets}: address blocks and host names). Checked twice: at
 * registration on the URL's text (every numeric spelling of an address is read, odd ones are
 * refused), and before every send on each address the host resolves to, so a name that later
 * resolves inwards (DNS rebinding) is refused too; the connection then goes to the checked address.
 */
public final class WebhookTargets {

  /** Resolves a host to its addresses; the system resolver unless a test gives another. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  static final String ALLOW_KEY = "setpoint.webhooks.allowed-targets";

  private final List<Cidr> allowedBlocks = new ArrayList<>();
  private final Set<String> allowedNames = new TreeSet<>();
  private final Resolver resolver;

  /**
   * The rule with the operator's allow-list, comma-separated.
   *
   * @throws IllegalArgumentException naming the entry that is neither an address block nor a host
   */
  public WebhookTargets(String allowList) {
    this(allowList, InetAddress::getAllByName);
  }

  WebhookTargets(String allowList, Resolver resolver) {
    this.resolver = resolver;
    for (String entry : (allowList == null ? "" : allowList).split(",")) {
      String item = normalise(entry.strip());
      if (item.isEmpty()) {
        continue;
      }
      if (item.contains("/") || Cidr.literal(item) != null) {
        allowedBlocks.add(Cidr.parse(item));
      } else if (item.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
          && !Ipv4Spelling.looksNumeric(item)) {
        allowedNames.add(item);
      } else {
        throw new IllegalArgumentException(
            ALLOW_KEY + ": '" + entry.strip() + "' is neither an address block nor a host name");
      }
    }
  }

  /**
   * Checks a URL being registered.
   *
   * @throws InvalidValue on {@code url} naming the rule its host breaks
   */
  public void checkRegistration(URI url) {
    String host = normalise(host(url));
    if (allowedNames.contains(host)) {
      return;
    }
    Optional<String> refusal;
    if (host.contains(":")) {
      byte[] literal = Cidr.literal(host);
      refusal = literal == null ? Optional.of("must have a valid IPv6 address") : refusal(literal);
    } else if (Ipv4Spelling.looksNumeric(host)) {
      refusal = numeric(host);
    } else {
      refusal = resolvedRefusal(host);
    }
    refusal.ifPresent(
        rule -> {
          throw new InvalidValue("url", rule);
        });
  }

  /**
   * The addresses {@code host} resolves to now, each of them checked: what to connect to.
   *
   * @throws RefusedTarget when any of them is refused
   * @throws UnknownHostException when the host does not resolve
   */
  List<InetAddress> checkedAddresses(String host) throws UnknownHostException {
    String name = normalise(host);
    InetAddress[] addresses = resolver.resolve(name);
    if (addresses.length == 0) {
      throw new UnknownHostException(name);
    }
    if (!allowedNames.contains(name)) {
      for (InetAddress address : addresses) {
        Optional<String> refusal = refusal(address.getAddress());
        if (refusal.isPresent()) {
          throw new RefusedTarget(refusal.get());
        }
      }
    }
    return List.of(addresses);
  }

  /**
   * Where a delivery to {@code url} may connect now: its host and the checked addresses.
   *
   * @throws RefusedTarget when any address is refused
   * @throws UnknownHostException when the URL has no host or the host does not resolve
   */
  WebhookSender.CheckedTarget check(URI url) throws UnknownHostException {
    String host = host(url);
    if (host == null || host.isEmpty()) {
      throw new UnknownHostException("the URL has no host");
    }
    return new WebhookSender.CheckedTarget(
        url, host.replaceAll("^\\[|]$", ""), checkedAddresses(host));
  }

  private Optional<String> numeric(String host) {
    Optional<Ipv4Spelling> spelling = Ipv4Spelling.parse(host);
    if (spelling.isEmpty()) {
      return Optional.of("must have a valid host: '" + host + "' is no IPv4 address");
    }
    Optional<String> refusal = refusal(spelling.get().address());
    if (refusal.isPresent() || spelling.get().canonical()) {
      return refusal;
    }
    return Optional.of(
        "must write an IPv4 address as four decimal numbers a.b.c.d (here "
            + address(spelling.get().address()).getHostAddress()
            + ")");
  }

  /** A name is judged by what it resolves to now; one that does not resolve is judged when sent. */
  private Optional<String> resolvedRefusal(String host) {
    try {
      checkedAddresses(host);
      return Optional.empty();
    } catch (RefusedTarget e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private Optional<String> refusal(byte[] bytes) {
    InetAddress address = address(bytes);
    byte[] effective = AddressKind.effective(address).getAddress();
    if (allowedBlocks.stream().anyMatch(b -> b.contains(bytes) || b.contains(effective))) {
      return Optional.empty();
    }
    return AddressKind.of(address)
        .map(
            kind ->
                "must not lead to "
                    + kind.description()
                    + " unless the operator allows it in "
                    + ALLOW_KEY);
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes", e);
    }
  }

  /**
   * The URL's host, also where {@link URI} does not see one: it takes {@code 0x7f.1} or {@code
   * 127.1} for a registry name, which the system resolver would still read as an address.
   */
  static String host(URI url) {
    if (url.getHost() != null || url.getRawAuthority() == null) {
      return url.getHost();
    }
    String authority = url.getRawAuthority();
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int port = authority.lastIndexOf(':');
    return port < 0 || authority.endsWith("]") ? authority : authority.substring(0, port);
  }

  /** Lower case, without IPv6 brackets or the root's trailing dot. */
  private static String normalise(String host) {
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
