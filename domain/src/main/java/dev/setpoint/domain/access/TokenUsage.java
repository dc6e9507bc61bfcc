package dev.setpoint.domain.access;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When each service token was last used, kept in memory and written in one batch every few seconds,
 * so that checking a token (every delivery request) never writes to the database. A crash loses at
 * most one interval of last-used times, never a revocation or an expiry.
 */
@ApplicationScoped
public class TokenUsage {

  private static final Logger LOG = Logger.getLogger(TokenUsage.class.getName());

  @Inject TokenService tokens;

  @Inject AccessConfig config;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
  private volatile Future<?> task;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::flushQuietly,
            config.tokenUsageFlush().toSeconds(),
            config.tokenUsageFlush().toSeconds(),
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Notes a use; the newest one per token wins. */
  void used(UUID token, Instant at) {
    pending.merge(token, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Writes the pending uses; on failure they are kept for the next attempt. */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<UUID, Instant> batch = new java.util.HashMap<>();
    for (UUID id : java.util.List.copyOf(pending.keySet())) {
      Instant at = pending.remove(id);
      if (at != null) {
        batch.put(id, at);
      }
    }
    try {
      tokens.recordUses(batch);
    } catch (RuntimeException e) {
      batch.forEach(this::used);
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Recording token uses failed; kept for the next attempt", e);
    }
  }
}
