package dev.setpoint.web.rollout;

import dev.setpoint.api.rollout.RolloutView;
import dev.setpoint.domain.rollout.Rollout;
import dev.setpoint.domain.rollout.RolloutStatus;
import dev.setpoint.domain.rollout.StopCondition;
import java.util.List;

/** Maps a rollout's status to its API record. */
final class RolloutViews {

  private RolloutViews() {}

  static RolloutView of(RolloutStatus status) {
    List<RolloutView.ReleaseCount> instances =
        status.instancesPerRelease().entrySet().stream()
            .map(e -> new RolloutView.ReleaseCount(e.getKey(), e.getValue()))
            .toList();
    RolloutView.Cohorts cohorts =
        new RolloutView.Cohorts(status.candidateCohort(), status.stableCohort());
    if (status.rollout().isEmpty()) {
      return new RolloutView(
          null, "none", null, null, List.of(), 0, 0, null, List.of(), null, null, null, null, null,
          cohorts, instances);
    }
    Rollout rollout = status.rollout().get();
    return new RolloutView(
        rollout.id(),
        rollout.state().wireName(),
        rollout.stableRelease(),
        rollout.candidateRelease(),
        rollout.steps(),
        rollout.stepIndex() + 1,
        rollout.percent(),
        rollout.bakeSeconds(),
        rollout.stopOn().stream().map(StopCondition::wireName).toList(),
        rollout.createdAt(),
        rollout.stepStartedAt(),
        rollout.bakeEndsAt(),
        rollout.endedAt(),
        rollout.reason(),
        cohorts,
        instances);
  }
}
