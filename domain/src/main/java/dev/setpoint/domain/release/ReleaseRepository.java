package dev.setpoint.domain.release;

import dev.setpoint.domain.application.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where releases, the delivery change log and the consumers seen are kept. */
public interface ReleaseRepository {

  /** The newest release of an environment. */
  Optional<Release> latest(Environment environment);

  /** The newest release of the environment with this id. */
  Optional<Release> latest(UUID environmentId);

  Optional<Release> find(Environment environment, int number);

  /** Up to {@code limit + 1} releases, newest first, numbered below {@code before} when given. */
  List<Release> list(Environment environment, Integer before, int limit);

  /**
   * Stores a new release and, in the same transaction, records a change of the environment's
   * delivery so that every server refreshes it.
   */
  void store(Release release);

  /** Records that an environment's delivery changed without a release (it was removed). */
  void announceChange(UUID environmentId);

  /** Delivery changes recorded at or after {@code since}, oldest first. */
  List<DeliveryChange> changesSince(Instant since);

  /** Forgets delivery changes recorded before {@code before}. */
  int pruneChanges(Instant before);

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
