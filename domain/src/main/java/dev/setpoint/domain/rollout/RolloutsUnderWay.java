package dev.setpoint.domain.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The rollouts under way, read in a transaction of its own for the background round. */
@ApplicationScoped
@Transactional
public class RolloutsUnderWay {

  @Inject RolloutRepository rollouts;

  /** Ids of every rollout under way. */
  public List<UUID> activeIds() {
    return rollouts.activeIds();
  }
}
