package dev.setpoint.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.release.PublishRelease;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.setting.DefineSetting;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Unavailable;
import dev.setpoint.domain.testing.InMemoryRepositories;
import dev.setpoint.domain.testing.WiredUseCases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What delivery does while its database cannot be reached. */
class DeliveryOutageTest {

  /** Releases of a store that has gone away: every query fails. */
  private static final class StoreDown extends Snapshots {
    @Override
    public Snapshot latest(EnvironmentRef where) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public Optional<Snapshot> latest(UUID environmentId) {
      throw new IllegalStateException("connection refused");
    }
  }

  /** The change log of a store that has gone away. */
  private static final class FeedDown extends DeliveryFeed {
    @Override
    public List<DeliveryChange> changesSince(Instant since) {
      throw new IllegalStateException("connection refused");
    }
  }

  private Snapshots snapshots;
  private DeliveryFeed feed;
  private DeliveryService delivery;

  @BeforeEach
  void setUp() {
    InMemoryRepositories store = new InMemoryRepositories();
    WiredUseCases wired = WiredUseCases.over(store);
    ApplicationService applications = wired.applications();
    EnvironmentService environments = wired.environments();
    SettingService settings = wired.settings();
    ReleasePublisher publisher = wired.publisher();
    snapshots = new Snapshots(environments, store, store, null);
    feed = new DeliveryFeed(store, store);
    applications.create("shop", "Shop", null, null);
    settings.define(
        new DefineSetting(
            new Slug("shop"), new SettingKey("mode"), "string", "\"on\"", null, false),
        Precondition.none());
    publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "alice"));

    delivery = new DeliveryService();
    delivery.snapshots = snapshots;
    delivery.access = store.access();
    delivery.tokenChecks =
        new dev.setpoint.domain.access.TokenChecks(
            java.time.Duration.ofSeconds(30), new dev.setpoint.domain.testing.MovableClock());
    delivery.config = config();
    delivery.refusedWatches =
        new org.eclipse.microprofile.metrics.Counter() {
          private long count;

          @Override
          public void inc() {
            count++;
          }

          @Override
          public void inc(long n) {
            count += n;
          }

          @Override
          public long getCount() {
            return count;
          }
        };
    delivery.init();
  }

  private static DeliveryConfig config() {
    return new DeliveryConfig(
        10,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofDays(30),
        100,
        2);
  }

  @Test
  void cachedReleasesAreServedWhileTheDatabaseIsDown() {
    Snapshot before = delivery.current(EnvironmentRef.of("shop", "dev"));
    assertEquals(1, delivery.cachedReleases());

    delivery.snapshots = new StoreDown();
    assertSame(before, delivery.current(EnvironmentRef.of("shop", "dev")), "served from the cache");
    assertEquals(
        "on", delivery.current(EnvironmentRef.of("shop", "dev")).settings().get("mode").value());

    Unavailable uncached =
        assertThrows(
            Unavailable.class, () -> delivery.current(EnvironmentRef.of("shop", "staging")));
    assertTrue(uncached.getMessage().contains("shop/staging"), uncached.getMessage());
  }

  @Test
  void theChangePollMarksTheStoreUnreachableAndReachableAgain() {
    delivery.current(EnvironmentRef.of("shop", "dev"));
    DeliveryPoller poller = new DeliveryPoller();
    poller.delivery = delivery;
    poller.feed = new FeedDown();
    poller.config = config();
    poller.clock = new dev.setpoint.domain.testing.MovableClock();
    poller.beginWindow();

    poller.poll();
    assertFalse(delivery.storeReachable(), "a failed poll means the store is unreachable");
    assertEquals(1, delivery.cachedReleases(), "the cache is kept");

    poller.feed = feed;
    poller.poll();
    assertTrue(delivery.storeReachable());
  }

  @Test
  void anEnvironmentThatCannotBeLoadedHoldsUpNoOtherAndIsRetriedUntilItLoads() {
    UUID dev = delivery.current(EnvironmentRef.of("shop", "dev")).environmentId();
    UUID other = UUID.randomUUID();
    List<UUID> loads = new java.util.ArrayList<>();
    boolean[] devBroken = {true};
    Snapshots real = snapshots;
    delivery.snapshots =
        new Snapshots() {
          @Override
          public Optional<Snapshot> latest(UUID environmentId) {
            loads.add(environmentId);
            if (environmentId.equals(dev) && devBroken[0]) {
              throw new IllegalStateException("wrapped by a master key this server lacks");
            }
            return real.latest(environmentId);
          }
        };
    DeliveryPoller poller = new DeliveryPoller();
    poller.delivery = delivery;
    poller.config = config();
    poller.clock = new dev.setpoint.domain.testing.MovableClock();
    Instant at = poller.clock.instant();
    poller.feed =
        new DeliveryFeed() {
          @Override
          public List<DeliveryChange> changesSince(Instant since) {
            return List.of(new DeliveryChange(1, dev, at), new DeliveryChange(2, other, at));
          }
        };
    poller.beginWindow();

    poller.poll();
    assertEquals(List.of(dev, other), loads, "the change after the failing one is applied");
    assertTrue(delivery.storeReachable(), "the change log answered: the store is reachable");

    loads.clear();
    poller.poll();
    assertEquals(List.of(dev), loads, "only the failing environment is tried again");

    devBroken[0] = false;
    loads.clear();
    poller.poll();
    poller.poll();
    assertEquals(List.of(dev), loads, "once it loads it is not tried again");
  }

  @Test
  void aMissingReleaseIsNotFoundRatherThanUnavailable() {
    assertThrows(NotFound.class, () -> delivery.current(EnvironmentRef.of("shop", "production")));
    assertThrows(NotFound.class, () -> delivery.current(EnvironmentRef.of("nobody", "dev")));
  }

  @Test
  void watchesBeyondTheLimitAreRefusedAndTheirPlacesFreedAgain() {
    Snapshot held = delivery.current(EnvironmentRef.of("shop", "dev"));
    delivery.admitWatch();
    Watchers.Watch first =
        delivery.watch(EnvironmentRef.of("shop", "dev"), held, Caller.SYSTEM, woken -> {});
    delivery.admitWatch();
    delivery.watch(EnvironmentRef.of("shop", "dev"), held, Caller.SYSTEM, woken -> {});
    assertEquals(2, delivery.waiting());

    Unavailable full = assertThrows(Unavailable.class, delivery::admitWatch);
    assertTrue(full.getMessage().contains("(2)"), full.getMessage());
    assertEquals(1, delivery.refusedWatches.getCount());

    delivery.unwatch(first);
    delivery.admitWatch();
  }

  @Test
  void theWatchLimitIsSizedFromTheHeapUnlessSet() {
    assertEquals(2, config().maxWatches());
    long mib = 1024 * 1024;
    assertEquals(4096, DeliveryConfig.watchesFittingIn(256 * mib));
    assertEquals(12288, DeliveryConfig.watchesFittingIn(512 * mib));
    assertEquals(100, DeliveryConfig.watchesFittingIn(64 * mib), "never fewer than 100");
  }
}
