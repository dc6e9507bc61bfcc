package dev.setpoint.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing people in to the console through the organisation's OpenID Connect provider
 * (authorization code with PKCE). Off until both the issuer and the client id are set. Endpoints
 * come from the issuer's discovery document unless all three are given. The client secret, for a
 * confidential client, comes from {@code SETPOINT_OIDC_CLIENT_SECRET_FILE} (a mounted file) or the
 * {@code SETPOINT_OIDC_CLIENT_SECRET} environment variable, never from a file in the repository.
 */
@ApplicationScoped
public class OidcConfig {

  @Inject
  @ConfigProperty(name = "setpoint.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.client-secret-file")
  Optional<String> clientSecretFile;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.provider-name", defaultValue = "your identity provider")
  String providerName;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.scopes", defaultValue = "openid profile email")
  String scopes;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.redirect-uri")
  Optional<String> redirectUri;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.authorization-endpoint")
  Optional<String> authorizationEndpoint;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.token-endpoint")
  Optional<String> tokenEndpoint;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.jwks-uri")
  Optional<String> jwksUri;

  @Inject
  @ConfigProperty(name = "setpoint.oidc.timeout", defaultValue = "PT10S")
  Duration timeout;

  /** Whether people may sign in through the provider. */
  public boolean enabled() {
    return issuer().isPresent() && clientId().isPresent();
  }

  /** The issuer, without a trailing slash for building the discovery URL from. */
  public Optional<String> issuer() {
    return nonBlank(issuer);
  }

  public Optional<String> clientId() {
    return nonBlank(clientId);
  }

  /** The client secret of a confidential client: from its file when that is set. */
  public Optional<String> clientSecret() {
    Optional<String> file = nonBlank(clientSecretFile);
    if (file.isPresent()) {
      try {
        return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip())
            .filter(s -> !s.isEmpty());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "SETPOINT_OIDC_CLIENT_SECRET_FILE " + file.get() + " cannot be read", e);
      }
    }
    return nonBlank(clientSecret);
  }

  public String providerName() {
    return providerName == null || providerName.isBlank() ? "your identity provider" : providerName;
  }

  /** The scopes to ask for; {@code openid} always among them. */
  public String scopes() {
    Set<String> asked = new LinkedHashSet<>();
    asked.add("openid");
    Arrays.stream(scopes == null ? new String[0] : scopes.split("[\\s,]+"))
        .filter(s -> !s.isBlank())
        .forEach(asked::add);
    return String.join(" ", asked);
  }

  /** The redirect URI the provider knows for Setpoint; empty: derived from the request. */
  public Optional<URI> redirectUri() {
    return nonBlank(redirectUri).map(URI::create);
  }

  /** The three endpoints, when all are configured (no discovery then). */
  public Optional<OidcProvider.Endpoints> explicitEndpoints() {
    Optional<String> authorization = nonBlank(authorizationEndpoint);
    Optional<String> token = nonBlank(tokenEndpoint);
    Optional<String> keys = nonBlank(jwksUri);
    if (authorization.isEmpty() || token.isEmpty() || keys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new OidcProvider.Endpoints(
            URI.create(authorization.get()), URI.create(token.get()), keys.get()));
  }

  /** How long a call to the provider (discovery, token endpoint) may take. */
  public Duration timeout() {
    return timeout == null || timeout.isNegative() || timeout.isZero()
        ? Duration.ofSeconds(10)
        : timeout;
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }
}
