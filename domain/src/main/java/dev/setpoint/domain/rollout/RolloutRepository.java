package dev.setpoint.domain.rollout;

import dev.setpoint.domain.application.Environment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where rollouts are kept. */
public interface RolloutRepository {

  /** The environment's newest rollout, whatever its state. */
  Optional<Rollout> latest(Environment environment);

  /** The environment's rollout under way (running or paused), if any. */
  Optional<Rollout> active(UUID environmentId);

  /** Ids of every rollout under way, on every environment. */
  List<UUID> activeIds();

  Optional<Rollout> find(UUID id);

  /** Stores a new rollout or writes a changed one through (a concurrent change is stale). */
  void store(Rollout rollout);
}
