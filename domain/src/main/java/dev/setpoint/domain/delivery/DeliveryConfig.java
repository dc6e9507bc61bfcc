package dev.setpoint.domain.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How releases are delivered and their consumers remembered; each can be overridden. */
@ApplicationScoped
public class DeliveryConfig {

  @Inject
  @ConfigProperty(name = "setpoint.delivery.cache-size", defaultValue = "10000")
  long cacheSize;

  @Inject
  @ConfigProperty(name = "setpoint.delivery.poll-millis", defaultValue = "500")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "setpoint.delivery.poll-margin-seconds", defaultValue = "30")
  long pollMarginSeconds;

  @Inject
  @ConfigProperty(name = "setpoint.consumers.flush-seconds", defaultValue = "5")
  long consumersFlushSeconds;

  @Inject
  @ConfigProperty(name = "setpoint.consumers.retention-days", defaultValue = "30")
  long consumersRetentionDays;

  @Inject
  @ConfigProperty(name = "setpoint.consumers.max-pending", defaultValue = "100000")
  int consumersMaxPending;

  /** For CDI, which injects the configured values into the fields. */
  public DeliveryConfig() {}

  /** Explicit settings, for tests. */
  public DeliveryConfig(
      long cacheSize,
      Duration poll,
      Duration pollMargin,
      Duration consumersFlush,
      Duration consumersRetention,
      int consumersMaxPending) {
    this.cacheSize = cacheSize;
    this.pollMillis = poll.toMillis();
    this.pollMarginSeconds = pollMargin.toSeconds();
    this.consumersFlushSeconds = consumersFlush.toSeconds();
    this.consumersRetentionDays = consumersRetention.toDays();
    this.consumersMaxPending = consumersMaxPending;
  }

  /** Releases (one per environment) held in each server's delivery cache. */
  public long cacheSize() {
    return cacheSize;
  }

  /** How often each server polls the delivery change log. */
  public Duration poll() {
    return Duration.ofMillis(pollMillis);
  }

  /** How far back each poll looks (clock skew between servers, late commits). */
  public Duration pollMargin() {
    return Duration.ofSeconds(pollMarginSeconds);
  }

  /** How often consumer sightings kept in memory are written. */
  public Duration consumersFlush() {
    return Duration.ofSeconds(consumersFlushSeconds);
  }

  /** Consumers not seen for this long are forgotten. */
  public Duration consumersRetention() {
    return Duration.ofDays(consumersRetentionDays);
  }

  /** Most sightings one server keeps waiting to be written. */
  public int consumersMaxPending() {
    return consumersMaxPending;
  }
}
