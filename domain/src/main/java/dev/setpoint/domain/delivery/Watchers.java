package dev.setpoint.domain.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Requests waiting for an environment's release to change. A watch holds no thread: it is a
 * callback, called once, when the environment serves a release that supersedes the one its client
 * holds, or with empty when the environment no longer serves anything.
 */
public final class Watchers {

  /** One waiting request. */
  public static final class Watch {
    private final UUID environmentId;
    private final Snapshot held;
    private final Consumer<Optional<Snapshot>> callback;

    private Watch(Snapshot held, Consumer<Optional<Snapshot>> callback) {
      this.environmentId = held.environmentId();
      this.held = held;
      this.callback = callback;
    }
  }

  private final Map<UUID, Set<Watch>> byEnvironment = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();

  /** Registers a watch of a client that holds {@code held}. */
  Watch add(Snapshot held, Consumer<Optional<Snapshot>> callback) {
    Watch watch = new Watch(held, callback);
    byEnvironment.compute(
        watch.environmentId,
        (id, watches) -> {
          Set<Watch> set = watches == null ? ConcurrentHashMap.newKeySet() : watches;
          set.add(watch);
          return set;
        });
    waiting.incrementAndGet();
    return watch;
  }

  /** Removes a watch (timed out, or its client went away); true when it was still waiting. */
  boolean remove(Watch watch) {
    boolean[] removed = {false};
    byEnvironment.computeIfPresent(
        watch.environmentId,
        (id, watches) -> {
          removed[0] = watches.remove(watch);
          return watches.isEmpty() ? null : watches;
        });
    if (removed[0]) {
      waiting.decrementAndGet();
    }
    return removed[0];
  }

  /** Wakes every watch of the environment that what it now serves supersedes. */
  void changed(UUID environmentId, Optional<Snapshot> now) {
    Set<Watch> watches = byEnvironment.get(environmentId);
    if (watches == null) {
      return;
    }
    for (Watch watch : java.util.List.copyOf(watches)) {
      if (now.isEmpty() || now.get().supersedes(watch.held)) {
        fire(watch, now);
      }
    }
  }

  /** Wakes one watch unless it already woke or was removed. */
  void fire(Watch watch, Optional<Snapshot> now) {
    if (remove(watch)) {
      watch.callback.accept(now);
    }
  }

  int waiting() {
    return waiting.get();
  }
}
