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

  @Test
  void aChangeRequestsPlanRoundTripsThroughJsonAndDefaultsTheSameWay() {
    RolloutPlan plan =
        RolloutPlan.fromJson(
            "changes[2].rollout",
            "{\"steps\":[10,50,100],\"bakeSeconds\":5,\"stopOn\":[\"health\"]}");
    assertEquals(List.of(10, 50, 100), plan.steps());
    assertEquals(5, plan.bakeSeconds());
    assertEquals(EnumSet.of(StopCondition.HEALTH), plan.stopOn());
    assertEquals(plan, RolloutPlan.fromJson("rollout", plan.toJson()));
    RolloutPlan defaults = RolloutPlan.fromJson("rollout", "{\"steps\":[100]}");
    assertEquals(RolloutPlan.of(List.of(100), null, null), defaults);
    assertEquals(defaults, RolloutPlan.fromJson("rollout", defaults.toJson()));
  }

  @Test
  void aBrokenJsonPlanNamesTheFieldUnderTheChange() {
    String at = "changes[1].rollout";
    assertField(at, () -> RolloutPlan.fromJson(at, "[10,100]"));
    assertField(at, () -> RolloutPlan.fromJson(at, "{\"steps\":"));
    assertField(at + ".speed", () -> RolloutPlan.fromJson(at, "{\"steps\":[100],\"speed\":1}"));
    assertField(at + ".steps", () -> RolloutPlan.fromJson(at, "{\"steps\":\"10,100\"}"));
    assertField(at + ".steps", () -> RolloutPlan.fromJson(at, "{}"));
    assertField(at + ".steps[1]", () -> RolloutPlan.fromJson(at, "{\"steps\":[50,50,100]}"));
    assertField(at + ".steps[0]", () -> RolloutPlan.fromJson(at, "{\"steps\":[1e300,100]}"));
    assertField(at + ".steps[0]", () -> RolloutPlan.fromJson(at, "{\"steps\":[\"ten\",100]}"));
    assertField(
        at + ".bakeSeconds",
        () -> RolloutPlan.fromJson(at, "{\"steps\":[100],\"bakeSeconds\":99999999999}"));
    assertField(
        at + ".bakeSeconds",
        () -> RolloutPlan.fromJson(at, "{\"steps\":[100],\"bakeSeconds\":1.5}"));
    // answered at once, not after building a number of a billion digits
    assertField(
        at + ".bakeSeconds",
        () -> RolloutPlan.fromJson(at, "{\"steps\":[100],\"bakeSeconds\":1e999999999}"));
    assertField(at + ".steps[0]", () -> RolloutPlan.fromJson(at, "{\"steps\":[1e999999999]}"));
    assertEquals(List.of(50, 100), RolloutPlan.fromJson(at, "{\"steps\":[5e1,100.0]}").steps());
    assertField(
        at + ".stopOn[0]",
        () -> RolloutPlan.fromJson(at, "{\"steps\":[100],\"stopOn\":[\"moon\"]}"));
    assertField(
        at + ".stopOn[0]", () -> RolloutPlan.fromJson(at, "{\"steps\":[100],\"stopOn\":[3]}"));
  }

  private static void assertField(String field, Runnable plan) {
    InvalidValue refused = assertThrows(InvalidValue.class, plan::run);
    assertEquals(field, refused.violations().get(0).field(), refused.getMessage());
  }
}
