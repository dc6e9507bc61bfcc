package dev.setpoint.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where the delivery change log that every server polls is kept. */
public interface DeliveryChangeLog {

  /** Records that an environment's delivery changed, in the changing transaction. */
  void announceChange(UUID environmentId);

  /** Delivery changes recorded at or after {@code since}, oldest first. */
  List<DeliveryChange> changesSince(Instant since);

  /** Forgets delivery changes recorded before {@code before}. */
  int pruneChanges(Instant before);
}
