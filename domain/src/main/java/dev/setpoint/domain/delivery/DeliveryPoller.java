package dev.setpoint.domain.delivery;

import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every server's delivery cache in step with the others: polls the delivery change log (one
 * indexed query) and refreshes the environments that changed. The query looks back a margin wide
 * enough for clock skew between servers and transactions that commit late; entries already handled
 * are remembered and skipped. It works the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class DeliveryPoller implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(DeliveryPoller.class.getName());

  @Inject DeliveryService delivery;

  @Inject DeliveryFeed feed;

  @Inject DeliveryConfig config;

  @Inject Clock clock;

  private final Map<Long, Instant> handled = new ConcurrentHashMap<>();
  private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
  private Instant lastPoll;
  private RuntimeException lastFailure;

  /** Polls from now on: changes older than now minus the margin are not looked at. */
  @PostConstruct
  void beginWindow() {
    lastPoll = clock.instant();
  }

  @Override
  public String name() {
    return "polling the delivery change log";
  }

  @Override
  public Duration interval() {
    return config.poll();
  }

  @Override
  public void run() {
    poll();
  }

  /**
   * One poll. Each change is applied on its own: an environment whose release this server cannot
   * load (a secret wrapped by a master key it was not given yet, say) is retried by every later
   * poll until it loads, and holds up no other environment. Only a failed query of the change log
   * means the store is unreachable.
   */
  void poll() {
    Instant started = clock.instant();
    Duration margin = config.pollMargin();
    List<DeliveryChange> changes;
    try {
      changes = feed.changesSince(lastPoll.minus(margin));
    } catch (RuntimeException e) {
      delivery.storeReachable(false);
      LOG.log(Level.FINE, "Polling the delivery change log failed", e);
      return;
    }
    delivery.storeReachable(true);
    for (UUID environmentId : List.copyOf(failing)) {
      if (refreshed(environmentId)) {
        failing.remove(environmentId);
      }
    }
    for (DeliveryChange change : changes) {
      if (handled.putIfAbsent(change.sequence(), change.at()) == null
          && !refreshed(change.environmentId())
          && failing.add(change.environmentId())) {
        LOG.log(
            Level.WARNING,
            "Environment "
                + change.environmentId()
                + " could not be refreshed; this server retries it at every poll and goes on"
                + " following the others",
            lastFailure);
      }
    }
    lastPoll = started;
    handled.values().removeIf(at -> at.isBefore(started.minus(margin.multipliedBy(2))));
  }

  private boolean refreshed(UUID environmentId) {
    try {
      delivery.refresh(environmentId);
      return true;
    } catch (RuntimeException e) {
      lastFailure = e;
      return false;
    }
  }
}
