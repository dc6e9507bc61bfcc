package dev.setpoint.domain.delivery;

import dev.setpoint.domain.shared.DeliveryNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Delivery notices written to the change log that every server polls, and announced to this
 * server's cache as soon as the transaction commits.
 */
@ApplicationScoped
public class RecordedNotices implements DeliveryNotices {

  @Inject DeliveryChangeLog changes;

  @Inject Event<DeliveryChanged> events;

  @Override
  public void changed(UUID environmentId) {
    changes.announceChange(environmentId);
    events.fire(new DeliveryChanged(environmentId));
  }
}
