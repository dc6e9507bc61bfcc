package dev.setpoint.domain.release;

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

  @Inject ReleaseRepository releases;

  @Inject Event<DeliveryChanged> events;

  @Override
  public void changed(UUID environmentId) {
    releases.announceChange(environmentId);
    events.fire(new DeliveryChanged(environmentId));
  }
}
