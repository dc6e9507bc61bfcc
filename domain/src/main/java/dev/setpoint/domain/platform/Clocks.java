package dev.setpoint.domain.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of the current time: the system clock in UTC, read at the database's precision.
 * Beans inject {@link Clock}; unit tests hand them a clock they move instead of waiting.
 */
@ApplicationScoped
public class Clocks {

  private static final Clock SYSTEM = new StoredPrecisionClock(Clock.systemUTC());

  @Produces
  Clock clock() {
    return SYSTEM;
  }
}
