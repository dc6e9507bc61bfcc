package dev.setpoint.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service token stops working when its expiry passes: the clock is moved, nothing waits. */
class TokenExpiryTest {

  private InMemoryRepositories store;
  private TokenService tokens;

  @BeforeEach
  void setUp() {
    store = new InMemoryRepositories();
    ApplicationService applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    applications.create("shop", "Shop", null, null);
    tokens =
        new TokenService(
            store,
            new VisibleTargets(store, store, store.access()),
            store.access(),
            new TokenUsage(),
            new TokenChecks(Duration.ofSeconds(30), store.clock),
            store,
            store.auditTrail(),
            store.clock);
  }

  @Test
  void aTokenIsRefusedOnceItsExpiryHasPassedEvenWhenRememberedAsValid() {
    Instant expiry = store.clock.instant().plus(Duration.ofHours(1));
    TokenService.Issued issued = tokens.issue("pod", "shop", List.of("staging"), expiry);

    assertEquals(TokenService.Status.VALID, tokens.check(issued.secret()).status());
    assertEquals(TokenService.Status.VALID, tokens.check(issued.secret()).status(), "remembered");
    assertTrue(tokens.usable(issued.token().id()));

    store.clock.advance(Duration.ofHours(1));
    assertEquals(TokenService.Status.EXPIRED, tokens.check(issued.secret()).status());
    assertFalse(tokens.usable(issued.token().id()), "a watch it holds ends");
    assertTrue(issued.token().expiredAt(store.clock.instant()));
  }

  @Test
  void aTokenWithoutExpiryKeepsWorking() {
    TokenService.Issued issued = tokens.issue("pod", "shop", List.of("staging"), null);
    store.clock.advance(Duration.ofDays(3650));
    assertEquals(TokenService.Status.VALID, tokens.check(issued.secret()).status());
  }
}
