package dev.setpoint.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WatchersTest {

  private final Target target = new Target(UUID.randomUUID(), UUID.randomUUID(), true, "shop/prod");
  private final Watchers watchers = new Watchers();

  private Snapshot release(int number) {
    return new Snapshot(target, number, "hash-" + number, Instant.now(), Map.of(), Map.of());
  }

  @Test
  void aRoundAsksOncePerCallerNotOncePerWatch() {
    Caller shared = Caller.user("fleet", java.util.Set.of());
    Caller other = Caller.user("one-off", java.util.Set.of());
    List<Watchers.Wake> woken = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      watchers.add(release(1), shared, woken::add);
    }
    watchers.add(release(1), other, woken::add);
    AtomicInteger asked = new AtomicInteger();
    Predicate<Caller> entitled =
        caller -> {
          asked.incrementAndGet();
          return caller.equals(shared);
        };

    watchers.changed(target.environmentId(), Optional.of(release(2)), entitled);

    assertEquals(2, asked.get(), "one question per distinct caller");
    assertEquals(501, woken.size());
    assertEquals(500, woken.stream().filter(Watchers.Wake::entitled).count());
    assertEquals(0, watchers.waiting());
  }

  @Test
  void watchesHoldingTheServedReleaseKeepWaitingAndAreNotAsked() {
    Caller caller = Caller.user("fleet", java.util.Set.of());
    List<Watchers.Wake> woken = new ArrayList<>();
    watchers.add(release(2), caller, woken::add);
    AtomicInteger asked = new AtomicInteger();

    watchers.changed(
        target.environmentId(),
        Optional.of(release(2)),
        c -> {
          asked.incrementAndGet();
          return true;
        });

    assertTrue(woken.isEmpty());
    assertEquals(0, asked.get());
    assertEquals(1, watchers.waiting());
  }

  @Test
  void anEnvironmentThatServesNothingWakesEveryWatchWithoutAsking() {
    Caller caller = Caller.user("fleet", java.util.Set.of());
    List<Watchers.Wake> woken = new ArrayList<>();
    watchers.add(release(3), caller, woken::add);

    watchers.changed(
        target.environmentId(),
        Optional.empty(),
        c -> {
          throw new AssertionError("no release, nothing to be entitled to");
        });

    assertEquals(1, woken.size());
    assertTrue(woken.get(0).now().isEmpty());
    assertEquals(0, watchers.waiting());
  }
}
