package dev.setpoint.domain.delivery;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The stored side of delivery's background work, each call one transaction: the change log the poll
 * reads and prunes, the consumer sightings written in batches. Internal to delivery, not a use
 * case: it decides no access.
 */
@ApplicationScoped
@Transactional
public class DeliveryFeed {

  private static final Logger LOG = Logger.getLogger(DeliveryFeed.class.getName());

  private final DeliveryChangeLog changes;
  private final ConsumerRepository consumers;

  /** For the CDI container's proxy only. */
  protected DeliveryFeed() {
    this(null, null);
  }

  @Inject
  public DeliveryFeed(DeliveryChangeLog changes, ConsumerRepository consumers) {
    this.changes = changes;
    this.consumers = consumers;
  }

  /** Delivery changes recorded since {@code since}, for the poll that keeps caches fresh. */
  public List<DeliveryChange> changesSince(Instant since) {
    return changes.changesSince(since);
  }

  /** Stores a batch of consumer sightings gathered in memory. */
  public void recordConsumers(List<Consumer> seen) {
    consumers.recordConsumers(seen);
  }

  /** The running instances of an environment the caller was checked for, by instance id. */
  public Slice<Consumer> consumers(Environment environment, String after, int limit) {
    return Slice.of(consumers.consumers(environment, after, limit), limit, Consumer::instance);
  }

  /** Forgets change-log entries and consumers older than the given instants. */
  public void prune(Instant changesBefore, Instant consumersBefore) {
    int pruned = changes.pruneChanges(changesBefore);
    int gone = consumers.pruneConsumers(consumersBefore);
    if (pruned + gone > 0) {
      LOG.fine(() -> "Pruned " + pruned + " delivery changes and " + gone + " consumers");
    }
  }
}
