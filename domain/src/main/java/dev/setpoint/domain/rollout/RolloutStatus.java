package dev.setpoint.domain.rollout;

import java.util.Optional;
import java.util.SortedMap;

/**
 * An environment's newest rollout (empty when it never had one) and the instances seen since it
 * began: by release last served, and by the cohort the current step puts them in.
 */
public record RolloutStatus(
    Optional<Rollout> rollout,
    SortedMap<Integer, Integer> instancesPerRelease,
    int candidateCohort,
    int stableCohort) {}
