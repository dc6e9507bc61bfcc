package dev.setpoint.domain.rollout;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.delivery.ConsumerLog;
import dev.setpoint.domain.platform.PeriodicTask;
import dev.setpoint.domain.platform.RolloutConfig;
import dev.setpoint.domain.shared.StaleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves every rollout under way on, on every server: advances steps whose bake time is over and
 * rolls back those whose instances stopped checking in ({@link RolloutSteps#evaluate}). Servers
 * coordinate through the rollout's version: when two look at one rollout at once, the one that
 * writes second finds it changed, its transaction (and any rollback release in it) is undone, and
 * the next round sees the new state. This server's pending consumer sightings are stored first.
 */
@ApplicationScoped
public class RolloutProgress implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(RolloutProgress.class.getName());

  @Inject RolloutsUnderWay reader;
  @Inject RolloutSteps steps;
  @Inject ConsumerLog sightings;
  @Inject RolloutConfig config;
  @Inject Access access;

  @Override
  public String name() {
    return "moving staged rollouts on";
  }

  @Override
  public Duration interval() {
    return config.evaluate();
  }

  @Override
  public void run() {
    List<UUID> underWay = reader.activeIds();
    if (underWay.isEmpty()) {
      return;
    }
    sightings.flushQuietly();
    for (UUID id : underWay) {
      try {
        access.asSystem(
            () -> {
              steps.evaluate(id);
              return null;
            });
      } catch (StaleVersion e) {
        LOG.fine(() -> "Rollout " + id + " was moved by another server meanwhile");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Evaluating rollout " + id + " failed; the next round retries", e);
      }
    }
  }
}
