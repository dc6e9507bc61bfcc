package dev.setpoint.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the HTTP edge accepts: body sizes, browser origins, probe timeouts; each can be overridden.
 */
@ApplicationScoped
public class HttpConfig {

  @Inject
  @ConfigProperty(name = "setpoint.http.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "setpoint.cors.allowed-origins")
  Optional<String> allowedOrigins;

  @Inject
  @ConfigProperty(name = "setpoint.health.db-timeout-seconds", defaultValue = "2")
  int healthDbTimeoutSeconds;

  /** The largest request body accepted, in bytes. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Web origins allowed to call the API from a browser; empty: CORS off. */
  public Set<String> allowedOrigins() {
    return allowedOrigins
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** How long the readiness probe waits for the database to answer. */
  public int healthDbTimeoutSeconds() {
    return healthDbTimeoutSeconds;
  }
}
