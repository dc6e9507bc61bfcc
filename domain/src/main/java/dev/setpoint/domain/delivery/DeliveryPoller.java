package dev.setpoint.domain.delivery;

import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
  private Instant lastPoll;

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

  void poll() {
    Instant started = clock.instant();
    Duration margin = config.pollMargin();
    try {
      for (DeliveryChange change : feed.changesSince(lastPoll.minus(margin))) {
        if (!handled.containsKey(change.sequence())) {
          // marked only once applied: a failed refresh is retried by the next poll
          delivery.refresh(change.environmentId());
          handled.put(change.sequence(), change.at());
        }
      }
      lastPoll = started;
      handled.values().removeIf(at -> at.isBefore(started.minus(margin.multipliedBy(2))));
      delivery.storeReachable(true);
    } catch (RuntimeException e) {
      delivery.storeReachable(false);
      LOG.log(Level.FINE, "Polling the delivery change log failed", e);
    }
  }
}
