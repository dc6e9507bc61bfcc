package dev.setpoint.domain.delivery;

import java.util.Optional;
import java.util.UUID;

/**
 * Where delivery learns whether an environment is in a staged rollout (implemented by the rollout
 * feature): called in a transaction, when delivery loads an environment.
 */
@FunctionalInterface
public interface StagedRollouts {

  /** The environment's rollout under way, or empty when it serves one release to everyone. */
  Optional<Stage> stage(UUID environmentId);

  /** A rollout under way: which release is stable, which is rolled out, to what share. */
  record Stage(UUID rolloutId, int stable, int candidate, int percent) {}
}
