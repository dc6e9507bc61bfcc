package dev.setpoint.web.security;

import dev.setpoint.domain.access.Caller;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The one way Setpoint checks a JWT of the OpenID Connect provider and reads the person in it, for
 * bearer tokens ({@link JwtIdentityStore}) and for the id token of a console sign-in ({@link
 * OidcProvider}) alike: signature against the provider's JWKS with an asymmetric algorithm, issuer,
 * audience, expiry (30 s skew); the name from {@code upn}, else {@code preferred_username}, else
 * {@code sub}, and the groups from the configured claim, in the {@code oidc:} namespace.
 */
final class ProviderTokens {

  private ProviderTokens() {}

  /** A person read from a verified token, or why none could be. */
  record Person(Optional<Caller> caller, String refusal) {}

  /** Checks tokens of {@code issuer}, signed with {@code keys}, naming one of {@code audiences}. */
  static JwtConsumer consumer(String issuer, VerificationKeyResolver keys, String... audiences) {
    return new JwtConsumerBuilder()
        .setRequireExpirationTime()
        .setAllowedClockSkewInSeconds(30)
        .setExpectedIssuer(issuer)
        .setVerificationKeyResolver(keys)
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)
        .setExpectedAudience(audiences)
        .build();
  }

  /** Keys fetched from the provider over HTTP(S), or read from a {@code file:} location. */
  static VerificationKeyResolver keys(String location) {
    if (location.startsWith("file:")) {
      return new FileJwksResolver(Path.of(URI.create(location)));
    }
    return new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
  }

  /** The person a verified token names, with the groups of {@code groupsClaim}. */
  static Person person(JwtClaims claims, String groupsClaim) throws MalformedClaimException {
    String name = nameOf(claims);
    if (name == null) {
      return new Person(Optional.empty(), "it names no user (upn, preferred_username or sub)");
    }
    Set<String> groups = new HashSet<>();
    if (claims.hasClaim(groupsClaim)) {
      groups.addAll(claims.getStringListClaimValue(groupsClaim));
    }
    Optional<Caller> caller = Caller.fromIdentityProvider(name, groups);
    return new Person(
        caller,
        caller.isPresent() ? null : "its name or a group is too long or holds control characters");
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

  /** Why a JWT failed, without echoing its content: jose4j's error codes only. */
  static String reason(Exception e) {
    if (e instanceof InvalidJwtException invalid && !invalid.getErrorDetails().isEmpty()) {
      return invalid.getErrorDetails().stream()
          .map(d -> "error " + d.getErrorCode())
          .distinct()
          .reduce((a, b) -> a + ", " + b)
          .orElse("invalid");
    }
    return e.getClass().getSimpleName();
  }
}
