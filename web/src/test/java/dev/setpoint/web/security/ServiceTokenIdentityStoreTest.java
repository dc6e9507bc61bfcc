package dev.setpoint.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.access.TokenChecks;
import dev.setpoint.domain.access.TokenScope;
import dev.setpoint.domain.access.TokenService;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The last successful token check stands in while the store is unreachable, never past expiry. */
class ServiceTokenIdentityStoreTest {

  /** A token store that answers once, then is unreachable. */
  private static final class FlakyTokens extends TokenService {
    private final Instant expiresAt;
    private boolean reachable = true;

    FlakyTokens(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }

    @Override
    public Check check(String presented) {
      if (!reachable) {
        throw new IllegalStateException("the database is unreachable");
      }
      TokenScope scope = new TokenScope(UUID.randomUUID(), UUID.randomUUID(), Set.of());
      return new Check(TokenService.Status.VALID, scope, expiresAt);
    }
  }

  private static ServiceTokenIdentityStore store(FlakyTokens tokens) {
    ServiceTokenIdentityStore store = new ServiceTokenIdentityStore();
    store.tokens = tokens;
    store.checks = new TokenChecks(Duration.ZERO, Clock.systemUTC());
    store.outageGrace = Duration.ofMinutes(10);
    store.clock = Clock.systemUTC();
    return store;
  }

  private static BearerCredential token() {
    return new BearerCredential(
        "stp_" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjK");
  }

  @Test
  void duringAnOutageTheRememberedCheckServesUntilTheTokenExpires() {
    FlakyTokens tokens = new FlakyTokens(Instant.now().plus(Duration.ofHours(1)));
    ServiceTokenIdentityStore store = store(tokens);
    BearerCredential token = token();
    assertEquals(Status.VALID, store.validate(token).getStatus());
    tokens.reachable = false;
    assertEquals(Status.VALID, store.validate(token).getStatus(), "remembered");
    assertThrows(IllegalStateException.class, () -> store.validate(token()), "never seen");
  }

  @Test
  void duringAnOutageAnExpiredTokenIsRefusedThoughItWasRemembered() {
    Instant expiresAt = Instant.now().plus(Duration.ofMinutes(1));
    FlakyTokens tokens = new FlakyTokens(expiresAt);
    ServiceTokenIdentityStore store = store(tokens);
    BearerCredential token = token();
    assertEquals(Status.VALID, store.validate(token).getStatus());
    tokens.reachable = false;
    store.clock = Clock.fixed(expiresAt.plusMillis(1), ZoneOffset.UTC); // past the expiry
    assertEquals(Status.INVALID, store.validate(token).getStatus());
  }
}
