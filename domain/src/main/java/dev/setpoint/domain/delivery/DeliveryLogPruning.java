package dev.setpoint.domain.delivery;

import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets, hourly, change-log entries older than a day and consumers not seen for the retention.
 */
@ApplicationScoped
public class DeliveryLogPruning implements PeriodicTask {

  @Inject DeliveryFeed feed;

  @Inject Clock clock;

  @Inject DeliveryConfig config;

  @Override
  public String name() {
    return "pruning the delivery change log and consumers";
  }

  @Override
  public Duration interval() {
    return Duration.ofHours(1);
  }

  @Override
  public Duration initialDelay() {
    return Duration.ofMinutes(1);
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    feed.prune(now.minus(Duration.ofDays(1)), now.minus(config.consumersRetention()));
  }
}
