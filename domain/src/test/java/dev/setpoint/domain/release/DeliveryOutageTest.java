package dev.setpoint.domain.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.delivery.DeliveryConfig;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Unavailable;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What delivery does while its database cannot be reached. */
class DeliveryOutageTest {

  /** The release use cases of a store that has gone away: every query fails. */
  private static final class StoreDown extends ReleaseService {
    @Override
    public Snapshot snapshot(String app, String env) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public Optional<Snapshot> snapshot(UUID environmentId) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public List<DeliveryChange> changesSince(Instant since) {
      throw new IllegalStateException("connection refused");
    }
  }

  private ReleaseService releases;
  private DeliveryService delivery;

  @BeforeEach
  void setUp() {
    InMemoryRepositories store = new InMemoryRepositories();
    ApplicationService applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    EnvironmentService environments =
        new EnvironmentService(
            applications, store, store, store.access(), store.auditTrail(), store.clock);
    SettingService settings =
        new SettingService(
            applications, environments, store, store.access(), store.auditTrail(), store.clock);
    releases =
        new ReleaseService(
            environments,
            settings,
            store,
            null,
            store,
            null,
            store,
            store.access(),
            store.auditTrail(),
            (environment, reason) -> {},
            store.clock);
    applications.create("shop", "Shop", null, null);
    settings.define("shop", "mode", "string", "\"on\"", null, false, Precondition.none());
    releases.publish("shop", "dev", null, "alice");

    delivery = new DeliveryService();
    delivery.releases = releases;
    delivery.access = store.access();
    delivery.tokenChecks =
        new dev.setpoint.domain.access.TokenChecks(
            java.time.Duration.ofSeconds(30), new dev.setpoint.domain.testing.MovableClock());
    delivery.config = config();
    delivery.init();
  }

  private static DeliveryConfig config() {
    return new DeliveryConfig(
        10,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofDays(30),
        100);
  }

  @Test
  void cachedReleasesAreServedWhileTheDatabaseIsDown() {
    Snapshot before = delivery.current("shop", "dev");
    assertEquals(1, delivery.cachedReleases());

    delivery.releases = new StoreDown();
    assertSame(before, delivery.current("shop", "dev"), "served from the cache");
    assertEquals("on", delivery.current("shop", "dev").settings().get("mode").value());

    Unavailable uncached =
        assertThrows(Unavailable.class, () -> delivery.current("shop", "staging"));
    assertTrue(uncached.getMessage().contains("shop/staging"), uncached.getMessage());
  }

  @Test
  void theChangePollMarksTheStoreUnreachableAndReachableAgain() {
    delivery.current("shop", "dev");
    DeliveryPoller poller = new DeliveryPoller();
    poller.delivery = delivery;
    poller.releases = new StoreDown();
    poller.config = config();
    poller.clock = new dev.setpoint.domain.testing.MovableClock();
    poller.beginWindow();

    poller.poll();
    assertFalse(delivery.storeReachable(), "a failed poll means the store is unreachable");
    assertEquals(1, delivery.cachedReleases(), "the cache is kept");

    poller.releases = releases;
    poller.poll();
    assertTrue(delivery.storeReachable());
  }

  @Test
  void aMissingReleaseIsNotFoundRatherThanUnavailable() {
    assertThrows(NotFound.class, () -> delivery.current("shop", "production"));
    assertThrows(NotFound.class, () -> delivery.current("nobody", "dev"));
  }
}
