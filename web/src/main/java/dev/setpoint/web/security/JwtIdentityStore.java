package dev.setpoint.web.security;

import dev.setpoint.domain.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Checks JWT bearer tokens from the organisation's OpenID Connect provider: signature against the
 * provider's JWKS (fetched and cached, refreshed when an unknown key id appears; or read from a
 * {@code file:} location), issuer, audience and expiry, configured with the MicroProfile JWT
 * property names. The caller's name follows MicroProfile JWT ({@code upn}, else {@code
 * preferred_username}, else {@code sub}); its groups come from the {@code groups} claim.
 */
@ApplicationScoped
public class JwtIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(JwtIdentityStore.class.getName());

  @Inject AuthConfig config;

  private volatile JwtConsumer consumer;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer) || bearer.serviceToken()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    if (!config.jwtEnabled()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    try {
      JwtClaims claims = consumer().processToClaims(bearer.token());
      String name = nameOf(claims);
      if (name == null) {
        LOG.info("JWT refused: it names no user (upn, preferred_username or sub)");
        return CredentialValidationResult.INVALID_RESULT;
      }
      Set<String> groups = new HashSet<>();
      if (claims.hasClaim(config.groupsClaim())) {
        List<String> listed = claims.getStringListClaimValue(config.groupsClaim());
        groups.addAll(listed);
      }
      java.util.Optional<Caller> caller = Caller.fromIdentityProvider(name, groups);
      if (caller.isEmpty()) {
        LOG.info("JWT refused: its name or a group is too long or holds control characters");
        return CredentialValidationResult.INVALID_RESULT;
      }
      return new CredentialValidationResult(new SetpointPrincipal(caller.get()));
    } catch (InvalidJwtException | MalformedClaimException e) {
      LOG.info(() -> "JWT refused: " + reason(e));
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE);
  }

  private static String nameOf(JwtClaims claims) throws MalformedClaimException {
    for (String claim : List.of("upn", "preferred_username", "sub")) {
      String value = claims.getStringClaimValue(claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** Why a JWT failed, without echoing its content. */
  private static String reason(Exception e) {
    if (e instanceof InvalidJwtException invalid && !invalid.getErrorDetails().isEmpty()) {
      return invalid.getErrorDetails().stream()
          .map(d -> "error " + d.getErrorCode())
          .distinct()
          .reduce((a, b) -> a + ", " + b)
          .orElse("invalid");
    }
    return e.getClass().getSimpleName();
  }

  /** Keys fetched from the provider over HTTP(S), or read from a {@code file:} location. */
  private static VerificationKeyResolver keys(String location) {
    if (location.startsWith("file:")) {
      return new FileJwksResolver(Path.of(URI.create(location)));
    }
    return new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
  }

  private JwtConsumer consumer() {
    JwtConsumer built = consumer;
    if (built == null) {
      synchronized (this) {
        if (consumer == null) {
          JwtConsumerBuilder builder =
              new JwtConsumerBuilder()
                  .setRequireExpirationTime()
                  .setAllowedClockSkewInSeconds(30)
                  .setExpectedIssuer(config.issuer())
                  .setVerificationKeyResolver(keys(config.jwksLocation()))
                  .setJwsAlgorithmConstraints(
                      AlgorithmConstraints.ConstraintType.PERMIT,
                      AlgorithmIdentifiers.RSA_USING_SHA256,
                      AlgorithmIdentifiers.RSA_USING_SHA384,
                      AlgorithmIdentifiers.RSA_USING_SHA512,
                      AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                      AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
          consumer = builder.setExpectedAudience(config.audiences()).build();
        }
        built = consumer;
      }
    }
    return built;
  }
}
