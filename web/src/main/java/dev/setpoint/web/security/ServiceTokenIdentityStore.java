package dev.setpoint.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.TokenChecks;
import dev.setpoint.domain.access.TokenScope;
import dev.setpoint.domain.access.TokenService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks service tokens against the store on every request, so a revocation takes effect at once.
 * When the store cannot be reached, a token that was valid within {@code
 * setpoint.auth.token-outage-grace} is still accepted: cached releases keep being served to the
 * applications that already had them, and nothing can be revoked while the store is down anyway.
 */
@ApplicationScoped
public class ServiceTokenIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(ServiceTokenIdentityStore.class.getName());

  @Inject TokenService tokens;
  @Inject TokenChecks checks;

  @Inject AuthConfig config;
  @Inject Clock clock;

  Duration outageGrace;

  @PostConstruct
  void init() {
    outageGrace = config.tokenOutageGrace();
  }

  /** A successful check, kept for outages: the scope and when the token expires (null: never). */
  private record Remembered(TokenScope scope, java.time.Instant expiresAt) {}

  private volatile Cache<String, Remembered> lastValid;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer) || !bearer.serviceToken()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    java.util.Optional<TokenScope> recent = checks.recall(bearer.token());
    if (recent.isPresent()) {
      return new CredentialValidationResult(new SetpointPrincipal(Caller.token(recent.get())));
    }
    String key = TokenService.hash(bearer.token());
    TokenService.Check check;
    try {
      check = tokens.check(bearer.token());
    } catch (RuntimeException e) {
      Remembered remembered = lastValid().getIfPresent(key);
      if (remembered == null) {
        throw e;
      }
      if (remembered.expiresAt() != null && !clock.instant().isBefore(remembered.expiresAt())) {
        lastValid().invalidate(key);
        LOG.info("Service token refused: expired (checked while the token store is unreachable)");
        return CredentialValidationResult.INVALID_RESULT;
      }
      LOG.log(Level.FINE, "Token store unreachable; using the last successful check", e);
      return new CredentialValidationResult(
          new SetpointPrincipal(Caller.token(remembered.scope())));
    }
    if (check.status() != TokenService.Status.VALID) {
      lastValid().invalidate(key);
      LOG.info(() -> "Service token refused: " + check.status().name().toLowerCase());
      return CredentialValidationResult.INVALID_RESULT;
    }
    lastValid().put(key, new Remembered(check.scope(), check.expiresAt()));
    return new CredentialValidationResult(new SetpointPrincipal(Caller.token(check.scope())));
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE);
  }

  private Cache<String, Remembered> lastValid() {
    Cache<String, Remembered> cache = lastValid;
    if (cache == null) {
      synchronized (this) {
        if (lastValid == null) {
          lastValid =
              Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(outageGrace).build();
        }
        cache = lastValid;
      }
    }
    return cache;
  }
}
