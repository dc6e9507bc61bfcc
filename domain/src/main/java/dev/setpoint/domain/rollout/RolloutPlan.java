package dev.setpoint.domain.rollout;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a release is rolled out: rising percentages of the instances ending at 100, how long each
 * step is watched, and what rolls it back. Validated here, so a stored rollout always has a sane
 * plan.
 */
public record RolloutPlan(List<Integer> steps, int bakeSeconds, Set<StopCondition> stopOn) {

  /** Most steps a plan may have. */
  public static final int MAX_STEPS = 10;

  /** Longest bake time of a step: one day. */
  public static final int MAX_BAKE_SECONDS = 86_400;

  /** The bake time when the request gives none. */
  public static final int DEFAULT_BAKE_SECONDS = 60;

  public RolloutPlan {
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new InvalidValue(
          "rollout.steps", "must list 1 to " + MAX_STEPS + " percentages, the last one 100");
    }
    int previous = 0;
    for (int i = 0; i < steps.size(); i++) {
      Integer step = steps.get(i);
      if (step == null || step < 1 || step > 100 || step <= previous) {
        throw new InvalidValue(
            "rollout.steps[" + i + "]", "must be a percentage from 1 to 100, above the one before");
      }
      previous = step;
    }
    if (previous != 100) {
      throw new InvalidValue("rollout.steps", "must end at 100 (every instance)");
    }
    if (bakeSeconds < 0 || bakeSeconds > MAX_BAKE_SECONDS) {
      throw new InvalidValue(
          "rollout.bakeSeconds", "must be from 0 to " + MAX_BAKE_SECONDS + " seconds");
    }
    steps = List.copyOf(steps);
    stopOn = stopOn.isEmpty() ? EnumSet.noneOf(StopCondition.class) : EnumSet.copyOf(stopOn);
  }

  /**
   * A plan from a request's fields: {@code bakeSeconds} defaults to {@link #DEFAULT_BAKE_SECONDS},
   * {@code stopOn} to every condition.
   */
  public static RolloutPlan of(List<Integer> steps, Integer bakeSeconds, List<String> stopOn) {
    Set<StopCondition> conditions = EnumSet.noneOf(StopCondition.class);
    if (stopOn == null) {
      conditions = EnumSet.allOf(StopCondition.class);
    } else {
      for (int i = 0; i < stopOn.size(); i++) {
        conditions.add(StopCondition.parse("rollout.stopOn[" + i + "]", stopOn.get(i)));
      }
    }
    return new RolloutPlan(
        steps, bakeSeconds == null ? DEFAULT_BAKE_SECONDS : bakeSeconds, conditions);
  }
}
