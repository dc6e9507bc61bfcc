package dev.setpoint.domain.rollout;

import dev.setpoint.domain.delivery.StagedRollouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Tells delivery (inside its transaction) which environments are in a rollout, and how far. */
@ApplicationScoped
public class RolloutStages implements StagedRollouts {

  private final RolloutRepository rollouts;

  /** For the CDI container's proxy only. */
  protected RolloutStages() {
    this(null);
  }

  @Inject
  public RolloutStages(RolloutRepository rollouts) {
    this.rollouts = rollouts;
  }

  @Override
  public Optional<Stage> stage(UUID environmentId) {
    return rollouts
        .active(environmentId)
        .map(r -> new Stage(r.id(), r.stableRelease(), r.candidateRelease(), r.percent()));
  }
}
