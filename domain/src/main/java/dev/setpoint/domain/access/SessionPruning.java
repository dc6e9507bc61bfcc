package dev.setpoint.domain.access;

import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Removes, every few minutes, console sessions that ended by themselves (idle or past their
 * absolute end): they are refused either way, this keeps the table to the live ones.
 */
@ApplicationScoped
public class SessionPruning implements PeriodicTask {

  @Inject SessionHousekeeping store;

  @Inject Clock clock;

  @Override
  public String name() {
    return "removing ended console sessions";
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(5);
  }

  @Override
  public Duration initialDelay() {
    return Duration.ofMinutes(1);
  }

  @Override
  public void run() {
    store.prune(clock.instant());
  }
}
