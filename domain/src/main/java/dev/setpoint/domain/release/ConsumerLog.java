package dev.setpoint.domain.release;

import dev.setpoint.domain.delivery.DeliveryConfig;
import dev.setpoint.domain.secret.SecretsConfig;
import dev.setpoint.domain.shared.Slice;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which running instance was served which release, and when. Sightings are kept in memory and
 * written in one batch every few seconds, so delivery does no database write per request; a newer
 * sighting of an instance replaces an older one. After each batch, previous secret versions that no
 * running instance uses any more are retired early ({@link ReleaseService#retireUnusedPrevious}).
 */
@ApplicationScoped
public class ConsumerLog {

  private static final Logger LOG = Logger.getLogger(ConsumerLog.class.getName());

  private record Key(UUID environmentId, String instance) {}

  @Inject ReleaseService releases;

  @Inject Clock clock;

  @Inject DeliveryConfig config;

  @Inject SecretsConfig secretsConfig;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<Key, Consumer> pending = new ConcurrentHashMap<>();

  private final java.util.List<java.util.concurrent.Future<?>> tasks =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            this::flushQuietly,
            config.consumersFlush().toSeconds(),
            config.consumersFlush().toSeconds(),
            TimeUnit.SECONDS));
    tasks.add(scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES));
  }

  /** Notes a sighting; dropped (and logged) when too many are waiting to be written. */
  void seen(UUID environmentId, String instance, int releaseNumber) {
    Key key = new Key(environmentId, instance);
    if (pending.size() >= config.consumersMaxPending() && !pending.containsKey(key)) {
      LOG.warning(() -> "Too many consumer sightings waiting to be stored; dropping one");
      return;
    }
    pending.put(key, new Consumer(environmentId, instance, releaseNumber, clock.instant()));
  }

  /**
   * The consumers of an environment, this server's latest sightings included when they can be
   * written now (otherwise they follow with the next batch).
   */
  public Slice<Consumer> list(String app, String env, String after, int limit) {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Storing consumer sightings failed; kept for the next attempt", e);
    }
    return releases.consumers(app, env, after, limit);
  }

  /** Writes the pending sightings; on failure they are kept for the next attempt. */
  public synchronized void flush() {
    List<Consumer> batch = new ArrayList<>();
    for (Key key : List.copyOf(pending.keySet())) {
      Consumer seen = pending.remove(key);
      if (seen != null) {
        batch.add(seen);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      releases.recordConsumers(batch);
    } catch (RuntimeException e) {
      batch.forEach(c -> pending.putIfAbsent(new Key(c.environmentId(), c.instance()), c));
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Storing consumer sightings failed; kept for the next attempt", e);
      return;
    }
    if (secretsConfig.earlyRetirement()) {
      try {
        releases.retireUnusedPrevious();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Retiring unused previous secret versions failed", e);
      }
    }
  }

  private void prune() {
    try {
      Instant now = clock.instant();
      releases.prune(now.minus(Duration.ofDays(1)), now.minus(config.consumersRetention()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pruning the delivery change log failed; retrying next hour", e);
    }
  }

  @PreDestroy
  void stop() {
    tasks.forEach(task -> task.cancel(false));
    flushQuietly();
  }
}
