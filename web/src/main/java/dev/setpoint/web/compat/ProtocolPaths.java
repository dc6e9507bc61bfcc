package dev.setpoint.web.compat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the compatibility protocols live on the wire and inside the JAX-RS application. Clients
 * call {@code {prefix}/...} (Spring Cloud Config) and {@code /v1/...} (Vault); {@link CompatPaths}
 * forwards those to the resources under {@code /api/v1/compat/...}, which answer nothing asked for
 * directly. Each protocol's own token header ({@code X-Config-Token}, {@code X-Vault-Token}) is
 * read on its paths only.
 */
@ApplicationScoped
public class ProtocolPaths {

  /** Where the Spring Cloud Config resource is mounted in the JAX-RS application. */
  public static final String SPRING_RESOURCE = "compat/config-server";

  /** Where the Vault resource is mounted in the JAX-RS application. */
  public static final String VAULT_RESOURCE = "compat/vault";

  static final String INTERNAL = "/api/v1/compat/";
  static final String VAULT_PREFIX = "/v1";

  /** Vault's token header. */
  public static final String VAULT_TOKEN = "X-Vault-Token";

  /** Spring Cloud Config's token header. */
  public static final String CONFIG_TOKEN = "X-Config-Token";

  /** What a forwarded path may hold: no encoded separators, queries or fragments survive. */
  private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9_.,:@/-]*$");

  @Inject CompatConfig config;

  private String prefix;

  @PostConstruct
  void init() {
    prefix = config.prefix();
    config.mount();
    config.profiles();
  }

  /** The Spring Cloud Config Server prefix in force. */
  public String springPrefix() {
    return prefix;
  }

  /** Where a request for {@code path} (decoded, without the context root) is forwarded to. */
  public Optional<String> forwardTarget(String path) {
    String rest = null;
    String resource = null;
    if (under(path, prefix)) {
      rest = path.substring(prefix.length());
      resource = SPRING_RESOURCE;
    } else if (under(path, VAULT_PREFIX)) {
      rest = path.substring(VAULT_PREFIX.length());
      resource = VAULT_RESOURCE;
    }
    if (rest == null || !SAFE.matcher(rest).matches()) {
      return Optional.empty();
    }
    return Optional.of("/api/v1/" + resource + rest);
  }

  /** Whether {@code path} is a compatibility path at all (served, or refused by the filter). */
  public boolean protocolPath(String path) {
    return under(path, prefix) || under(path, VAULT_PREFIX);
  }

  /** Whether a client asked for the internal mount directly (never served). */
  static boolean internal(String path) {
    return path.startsWith(INTERNAL) || path.equals(INTERNAL.substring(0, INTERNAL.length() - 1));
  }

  /**
   * The service token in the protocol's own header of this request, when it is on that protocol's
   * paths: {@code X-Vault-Token} under {@code /v1}, {@code X-Config-Token} under the Spring prefix.
   */
  public Optional<String> protocolToken(HttpServletRequest request) {
    String path = pathOf(request);
    String header =
        under(path, VAULT_PREFIX)
            ? request.getHeader(VAULT_TOKEN)
            : under(path, prefix) ? request.getHeader(CONFIG_TOKEN) : null;
    return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.strip());
  }

  /** The request's path inside the web module, decoded and normalized by the container. */
  static String pathOf(HttpServletRequest request) {
    String servlet = request.getServletPath() == null ? "" : request.getServletPath();
    return request.getPathInfo() == null ? servlet : servlet + request.getPathInfo();
  }

  private static boolean under(String path, String base) {
    return path.equals(base) || path.startsWith(base + "/");
  }
}
