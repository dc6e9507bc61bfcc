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
  @ConfigProperty(name = "setpoint.delivery.max-watches", defaultValue = "0")
  int maxWatches;

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
      int consumersMaxPending,
      int maxWatches) {
    this.maxWatches = maxWatches;
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

  /**
   * Most watches this server holds at once; a watch beyond them is answered 503 with Retry-After. 0
   * (the default) sizes it from the heap bound: what is left of the maximum heap above {@link
   * #HEAP_RESERVED_MIB} MiB, at {@link #HEAP_PER_WATCH_KIB} KiB a watch (measured: about 23 KiB of
   * live heap each, almost all of it the container's request and connection state), at least 100.
   */
  public int maxWatches() {
    return maxWatches > 0 ? maxWatches : watchesFittingIn(Runtime.getRuntime().maxMemory());
  }

  /** Heap left to everything but watches when the watch limit is sized from the heap. */
  static final long HEAP_RESERVED_MIB = 128;

  /** Heap planned per held watch when the watch limit is sized from the heap. */
  static final long HEAP_PER_WATCH_KIB = 32;

  /** How many watches {@code maxHeapBytes} of heap holds beside everything else. */
  static int watchesFittingIn(long maxHeapBytes) {
    long spare = maxHeapBytes - HEAP_RESERVED_MIB * 1024 * 1024;
    return (int) Math.max(100, Math.min(Integer.MAX_VALUE, spare / (HEAP_PER_WATCH_KIB * 1024)));
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
