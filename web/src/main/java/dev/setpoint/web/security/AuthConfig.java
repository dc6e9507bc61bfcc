package dev.setpoint.web.security;

import dev.setpoint.domain.access.AccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How callers may authenticate; each value can be overridden from the environment. */
@ApplicationScoped
public class AuthConfig {

  @Inject AccessConfig access;

  /** The OpenID Connect issuer whose JWTs are accepted; JWTs are refused while it is unset. */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  /** The provider's JWKS URL (its signing keys). */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> jwksLocation;

  /** The audience a JWT must name (comma-separated to accept several). */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String> audiences;

  /** The claim holding the caller's groups. */
  @Inject
  @ConfigProperty(name = "setpoint.auth.jwt.groups-claim", defaultValue = "groups")
  String groupsClaim;

  /**
   * While the token store is unreachable, a token checked valid this recently is still accepted.
   */
  @Inject
  @ConfigProperty(name = "setpoint.auth.token-outage-grace", defaultValue = "PT10M")
  Duration tokenOutageGrace;

  public boolean basicEnabled() {
    return access.basicEnabled();
  }

  public boolean jwtEnabled() {
    return issuer.filter(s -> !s.isBlank()).isPresent()
        && jwksLocation.filter(s -> !s.isBlank()).isPresent()
        && audiences().length > 0;
  }

  public String issuer() {
    return issuer.orElse("");
  }

  public String jwksLocation() {
    return jwksLocation.orElse("");
  }

  public String[] audiences() {
    return audiences
        .map(a -> java.util.Arrays.stream(a.split(",")).map(String::trim))
        .map(s -> s.filter(v -> !v.isEmpty()).toArray(String[]::new))
        .orElse(new String[0]);
  }

  public Duration tokenOutageGrace() {
    return tokenOutageGrace;
  }

  public String groupsClaim() {
    return groupsClaim;
  }
}
