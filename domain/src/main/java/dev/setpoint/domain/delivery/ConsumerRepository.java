package dev.setpoint.domain.delivery;

import dev.setpoint.domain.application.Environment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where the running instances seen by delivery, and the release each was served, are kept. */
public interface ConsumerRepository {

  /** Records that instances were served releases; a newer sighting replaces an older one. */
  void recordConsumers(List<Consumer> seen);

  /**
   * Up to {@code limit + 1} consumers of an environment ordered by instance, after {@code after}.
   */
  List<Consumer> consumers(Environment environment, String after, int limit);

  /** Consumers of an environment seen at or after {@code since}. */
  List<Consumer> consumersSeenSince(UUID environmentId, Instant since);

  /** Forgets consumers not seen since {@code before}. */
  int pruneConsumers(Instant before);
}
