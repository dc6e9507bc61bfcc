package dev.setpoint.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;

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
      ProviderTokens.Person person = ProviderTokens.person(claims, config.groupsClaim());
      if (person.caller().isEmpty()) {
        LOG.info(() -> "JWT refused: " + person.refusal());
        return CredentialValidationResult.INVALID_RESULT;
      }
      return new CredentialValidationResult(new SetpointPrincipal(person.caller().get()));
    } catch (InvalidJwtException | MalformedClaimException e) {
      LOG.info(() -> "JWT refused: " + ProviderTokens.reason(e));
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE);
  }

  private JwtConsumer consumer() {
    JwtConsumer built = consumer;
    if (built == null) {
      synchronized (this) {
        if (consumer == null) {
          consumer =
              ProviderTokens.consumer(
                  config.issuer(), ProviderTokens.keys(config.jwksLocation()), config.audiences());
        }
        built = consumer;
      }
    }
    return built;
  }
}
