package dev.setpoint.domain.delivery;

import dev.setpoint.domain.platform.WriteBehind;
import dev.setpoint.domain.platform.WriteBehindTask;
import dev.setpoint.domain.secret.SecretRetirement;
import dev.setpoint.domain.secret.SecretsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which running instance was served which release, and when. Sightings are kept in memory and
 * written in one batch every few seconds, so delivery does no database write per request; a newer
 * sighting of an instance replaces an older one. After each batch, previous secret versions that no
 * running instance uses any more are retired early ({@link SecretRetirement}). Internal to
 * delivery: {@link Consumers} lists what it stored.
 */
@ApplicationScoped
public class ConsumerLog extends WriteBehindTask<ConsumerLog.Key, Consumer> {

  private static final Logger LOG = Logger.getLogger(ConsumerLog.class.getName());

  record Key(UUID environmentId, String instance) {}

  @Inject DeliveryFeed feed;

  @Inject SecretRetirement retirement;

  @Inject Clock clock;

  @Inject DeliveryConfig config;

  @Inject SecretsConfig secretsConfig;

  private WriteBehind<Key, Consumer> pending;

  @PostConstruct
  void init() {
    pending =
        new WriteBehind<>(
            "consumer sightings",
            config.consumersMaxPending(),
            (held, seen) -> seen.lastSeenAt().isBefore(held.lastSeenAt()) ? held : seen,
            batch -> feed.recordConsumers(List.copyOf(batch.values())),
            Level.FINE);
  }

  @Override
  public String name() {
    return "storing consumer sightings";
  }

  @Override
  public Duration interval() {
    return config.consumersFlush();
  }

  @Override
  protected WriteBehind<Key, Consumer> pending() {
    return pending;
  }

  /** Stores the pending sightings, then retires the previous secret versions nobody uses. */
  @Override
  public void run() {
    if (pending.flushQuietly() && secretsConfig.earlyRetirement()) {
      try {
        retirement.retireUnusedPrevious();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Retiring unused previous secret versions failed", e);
      }
    }
  }

  /** Notes a sighting; dropped (and logged) when too many are waiting to be written. */
  void seen(UUID environmentId, String instance, int releaseNumber) {
    pending.put(
        new Key(environmentId, instance),
        new Consumer(environmentId, instance, releaseNumber, clock.instant()));
  }

  /** Stores the pending sightings now, for a listing or a check that should include them. */
  public void flushQuietly() {
    pending.flushQuietly();
  }
}
