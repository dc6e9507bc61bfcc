package dev.setpoint.domain.delivery;

import dev.setpoint.domain.access.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Requests waiting for an environment's release to change. A watch holds no thread: it is a
 * callback, called once, when the environment serves a release that supersedes the one its client
 * holds, or with empty when the environment no longer serves anything.
 */
public final class Watchers {

  /**
   * What a woken watch is told.
   *
   * @param now the release the environment now serves; empty when it serves none
   * @param entitled whether the watch's caller may still be sent it (false: its token was revoked
   *     or expired, or its roles removed, while it waited)
   */
  public record Wake(Optional<Snapshot> now, boolean entitled) {}

  /** One waiting request. */
  public static final class Watch {
    private final UUID environmentId;
    private final Snapshot held;
    private final Caller caller;
    private final String instance;
    private final Consumer<Wake> callback;

    private Watch(Snapshot held, Caller caller, String instance, Consumer<Wake> callback) {
      this.environmentId = held.environmentId();
      this.held = held;
      this.caller = caller;
      this.instance = instance;
      this.callback = callback;
    }
  }

  private final Map<UUID, Set<Watch>> byEnvironment = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();

  /** Registers a watch of {@code caller}, whose client holds {@code held}. */
  Watch add(Snapshot held, Caller caller, Consumer<Wake> callback) {
    return add(held, caller, null, callback);
  }

  /**
   * Registers a watch of {@code caller} for running instance {@code instance} (null when it named
   * none), whose client holds {@code held}.
   */
  Watch add(Snapshot held, Caller caller, String instance, Consumer<Wake> callback) {
    Watch watch = new Watch(held, caller, instance, callback);
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

  /**
   * Wakes every watch of the environment that what it now serves supersedes. Whether a caller is
   * still entitled is asked once per distinct caller in the round, not once per watch: ten thousand
   * instances sharing one service token cost one token lookup.
   */
  void changed(UUID environmentId, Optional<Snapshot> now, Predicate<Caller> entitled) {
    changed(environmentId, instance -> now, entitled);
  }

  /**
   * Wakes every watch of the environment that what it now serves its instance supersedes: in a
   * staged rollout, {@code servedTo} gives each instance the release of its cohort.
   */
  void changed(
      UUID environmentId,
      Function<String, Optional<Snapshot>> servedTo,
      Predicate<Caller> entitled) {
    Set<Watch> watches = byEnvironment.get(environmentId);
    if (watches == null) {
      return;
    }
    Map<Caller, Boolean> decided = new HashMap<>();
    for (Watch watch : List.copyOf(watches)) {
      Optional<Snapshot> now = servedTo.apply(watch.instance);
      if ((now.isEmpty() || now.get().supersedes(watch.held)) && remove(watch)) {
        boolean allowed = now.isEmpty() || decided.computeIfAbsent(watch.caller, entitled::test);
        watch.callback.accept(new Wake(now, allowed));
      }
    }
  }

  /** Wakes one watch unless it already woke or was removed. */
  void fire(Watch watch, Optional<Snapshot> now, Predicate<Caller> entitled) {
    if (remove(watch)) {
      watch.callback.accept(new Wake(now, now.isEmpty() || entitled.test(watch.caller)));
    }
  }

  int waiting() {
    return waiting.get();
  }
}
