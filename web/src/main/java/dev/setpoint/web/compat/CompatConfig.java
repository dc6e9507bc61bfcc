package dev.setpoint.web.compat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the compatibility protocols are served and how their names map to Setpoint's: the Spring
 * Cloud Config Server prefix, Spring profile names that differ from environment slugs, and the
 * Vault mount name.
 */
@ApplicationScoped
public class CompatConfig {

  /** The default prefix of the Spring Cloud Config Server protocol. */
  public static final String DEFAULT_PREFIX = "/config-server";

  /** The default Vault mount. */
  public static final String DEFAULT_MOUNT = "setpoint";

  private static final Pattern PREFIX = Pattern.compile("^(/[a-z0-9][a-z0-9-]{0,62}){1,4}$");
  private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
  private static final Pattern PROFILE = Pattern.compile("^[A-Za-z0-9_.-]{1,63}$");

  /** Paths that belong to Setpoint itself or to Vault's own API: never a prefix or a mount. */
  private static final java.util.Set<String> TAKEN =
      java.util.Set.of("api", "v1", "console", "health", "metrics", "openapi", "sys", "auth");

  @Inject
  @ConfigProperty(name = "setpoint.compat.config-server.prefix", defaultValue = DEFAULT_PREFIX)
  String prefix;

  @Inject
  @ConfigProperty(name = "setpoint.compat.config-server.profiles")
  Optional<String> profiles;

  @Inject
  @ConfigProperty(name = "setpoint.compat.vault.mount", defaultValue = DEFAULT_MOUNT)
  String mount;

  /**
   * The path under which Spring clients find the config server, e.g. {@code /config-server}.
   *
   * @throws IllegalStateException when the configured prefix is not one to four lower-case path
   *     segments, or starts with a path Setpoint serves itself
   */
  public String prefix() {
    String value = prefix.strip();
    if (value.endsWith("/") && value.length() > 1) {
      value = value.substring(0, value.length() - 1);
    }
    String first = value.length() > 1 ? value.substring(1).split("/")[0] : "";
    if (!PREFIX.matcher(value).matches() || TAKEN.contains(first)) {
      throw new IllegalStateException(
          "setpoint.compat.config-server.prefix must be one to four lower-case path segments"
              + " (like /config-server) not starting with /api, /v1, /console, /health, /metrics"
              + " or /openapi");
    }
    return value;
  }

  /**
   * Spring profile → environment slug for names that differ, from {@code profile=env} pairs
   * separated by commas (e.g. {@code prod=production,stage=staging}).
   *
   * @throws IllegalStateException when a pair is malformed
   */
  public Map<String, String> profiles() {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String pair : profiles.orElse("").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=", -1);
      if (parts.length != 2
          || !PROFILE.matcher(parts[0].strip()).matches()
          || !NAME.matcher(parts[1].strip()).matches()) {
        throw new IllegalStateException(
            "setpoint.compat.config-server.profiles must be profile=environment pairs separated"
                + " by commas, like prod=production");
      }
      mapping.put(parts[0].strip(), parts[1].strip());
    }
    return mapping;
  }

  /**
   * The Vault mount the KV v2 API is served under.
   *
   * @throws IllegalStateException when it is not a lower-case name, or is sys or auth
   */
  public String mount() {
    String value = mount.strip();
    if (!NAME.matcher(value).matches() || TAKEN.contains(value)) {
      throw new IllegalStateException(
          "setpoint.compat.vault.mount must be a lower-case name (letters, digits, -), not sys"
              + " or auth");
    }
    return value;
  }
}
