package dev.setpoint.domain.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

  @Test
  void aPlanDefaultsToAMinuteOfBakeAndEveryStopCondition() {
    RolloutPlan plan = RolloutPlan.of(List.of(10, 50, 100), null, null);
    assertEquals(List.of(10, 50, 100), plan.steps());
    assertEquals(RolloutPlan.DEFAULT_BAKE_SECONDS, plan.bakeSeconds());
    assertEquals(EnumSet.allOf(StopCondition.class), plan.stopOn());
    assertEquals(
        EnumSet.noneOf(StopCondition.class), RolloutPlan.of(List.of(100), 0, List.of()).stopOn());
  }

  @Test
  void eachBrokenRuleNamesItsField() {
    assertField("rollout.steps", () -> RolloutPlan.of(null, 60, null));
    assertField("rollout.steps", () -> RolloutPlan.of(List.of(), 60, null));
    assertField("rollout.steps", () -> RolloutPlan.of(List.of(10, 50), 60, null));
    assertField("rollout.steps[1]", () -> RolloutPlan.of(List.of(50, 50, 100), 60, null));
    assertField("rollout.steps[0]", () -> RolloutPlan.of(List.of(0, 100), 60, null));
    assertField("rollout.steps[1]", () -> RolloutPlan.of(List.of(10, 101), 60, null));
    assertField(
        "rollout.steps",
        () -> RolloutPlan.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100), 60, null));
    assertField("rollout.bakeSeconds", () -> RolloutPlan.of(List.of(100), -1, null));
    assertField("rollout.bakeSeconds", () -> RolloutPlan.of(List.of(100), 86_401, null));
    assertField(
        "rollout.stopOn[1]", () -> RolloutPlan.of(List.of(100), 1, List.of("health", "moon")));
  }

  private static void assertField(String field, Runnable plan) {
    InvalidValue refused = assertThrows(InvalidValue.class, plan::run);
    assertEquals(field, refused.violations().get(0).field(), refused.getMessage());
  }
}
