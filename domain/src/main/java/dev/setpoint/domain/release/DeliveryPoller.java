package dev.setpoint.domain.release;

import dev.setpoint.domain.shared.Timestamps;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every server's delivery cache in step with the others: polls the delivery change log (one
 * indexed query) and refreshes the environments that changed. The query looks back a margin wide
 * enough for clock skew between servers and transactions that commit late; entries already handled
 * are remembered and skipped. It works the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class DeliveryPoller {

  private static final Logger LOG = Logger.getLogger(DeliveryPoller.class.getName());

  @Inject DeliveryService delivery;

  @Inject ReleaseService releases;

  @Inject
  @ConfigProperty(name = "setpoint.delivery.poll-millis", defaultValue = "500")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "setpoint.delivery.poll-margin-seconds", defaultValue = "30")
  long marginSeconds;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<Long, Instant> handled = new ConcurrentHashMap<>();
  private Instant lastPoll;

  private final java.util.List<java.util.concurrent.Future<?>> tasks =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    beginWindow();
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS));
  }

  /** Polls from now on: changes older than now minus the margin are not looked at. */
  void beginWindow() {
    lastPoll = Timestamps.now();
  }

  void poll() {
    Instant started = Timestamps.now();
    Duration margin = Duration.ofSeconds(marginSeconds);
    try {
      for (DeliveryChange change : releases.changesSince(lastPoll.minus(margin))) {
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

  /** Stops polling when the application stops, before its module goes away. */
  @PreDestroy
  void stop() {
    tasks.forEach(task -> task.cancel(false));
  }
}
