package dev.setpoint.domain.shared;

import java.util.UUID;

/**
 * Tells delivery that what an environment serves may have changed (a release was published, a
 * secret was deleted or destroyed, the environment was removed). Called inside the changing
 * transaction: the notice is recorded with it and takes effect on every server once it commits.
 */
public interface DeliveryNotices {

  void changed(UUID environmentId);
}
