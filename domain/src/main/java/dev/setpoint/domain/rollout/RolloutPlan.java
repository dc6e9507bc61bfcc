package dev.setpoint.domain.rollout;

import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
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

  /**
   * A plan from its JSON form ({@code {"steps":[10,50,100],"bakeSeconds":60,"stopOn":[...]}}), as a
   * change request carries it: every violation is named under {@code field} (for example {@code
   * changes[2].rollout.steps[1]}).
   */
  public static RolloutPlan fromJson(String field, String json) {
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidValue(field, "must be an object with steps, bakeSeconds and stopOn");
    }
    for (String name : object.keySet()) {
      if (!Set.of("steps", "bakeSeconds", "stopOn").contains(name)) {
        throw new InvalidValue(field + "." + name, "is not a rollout field");
      }
    }
    List<Integer> steps = integers(field + ".steps", object.get("steps"));
    Integer bake = null;
    JsonValue bakeValue = object.get("bakeSeconds");
    if (bakeValue != null && bakeValue.getValueType() != JsonValue.ValueType.NULL) {
      Integer seconds = bakeValue instanceof JsonNumber number ? smallInteger(number) : null;
      if (seconds == null) {
        throw new InvalidValue(
            field + ".bakeSeconds",
            "must be a whole number of seconds from 0 to " + MAX_BAKE_SECONDS);
      }
      bake = seconds;
    }
    List<String> stopOn = null;
    JsonValue stopValue = object.get("stopOn");
    if (stopValue != null && stopValue.getValueType() != JsonValue.ValueType.NULL) {
      if (!(stopValue instanceof JsonArray array)) {
        throw new InvalidValue(field + ".stopOn", "must be a list of stop conditions");
      }
      stopOn = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (!(array.get(i) instanceof JsonString text)) {
          throw new InvalidValue(field + ".stopOn[" + i + "]", "must be a stop condition's name");
        }
        stopOn.add(text.getString());
      }
    }
    try {
      return of(steps, bake, stopOn);
    } catch (InvalidValue invalid) {
      throw new InvalidValue(
          invalid.violations().stream()
              .map(
                  v ->
                      new InvalidValue.Violation(
                          field + v.field().substring("rollout".length()), v.rule()))
              .toList());
    }
  }

  private static List<Integer> integers(String field, JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidValue(field, "must list 1 to " + MAX_STEPS + " percentages");
    }
    if (array.size() > MAX_STEPS) {
      throw new InvalidValue(
          field, "must list 1 to " + MAX_STEPS + " percentages, the last one 100");
    }
    List<Integer> steps = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Integer step = array.get(i) instanceof JsonNumber number ? smallInteger(number) : null;
      if (step == null) {
        throw new InvalidValue(field + "[" + i + "]", "must be a percentage from 1 to 100");
      }
      steps.add(step);
    }
    return steps;
  }

  /**
   * The number as an int when it is a whole number within {@code ±10^7}, else null. Compared as a
   * BigDecimal first: {@code 1e999999999} must not become a BigInteger of a billion digits.
   */
  private static Integer smallInteger(JsonNumber number) {
    java.math.BigDecimal value = number.bigDecimalValue();
    if (value.abs().compareTo(java.math.BigDecimal.valueOf(10_000_000)) > 0) {
      return null;
    }
    java.math.BigDecimal whole = value.stripTrailingZeros();
    return whole.scale() <= 0 ? whole.intValueExact() : null;
  }

  /** This plan's JSON form, every field given: what {@link #fromJson} reads back. */
  public String toJson() {
    JsonArrayBuilder stepsJson = Json.createArrayBuilder();
    steps.forEach(stepsJson::add);
    JsonArrayBuilder stops = Json.createArrayBuilder();
    stopOn.forEach(c -> stops.add(c.wireName()));
    return Json.createObjectBuilder()
        .add("steps", stepsJson)
        .add("bakeSeconds", bakeSeconds)
        .add("stopOn", stops)
        .build()
        .toString();
  }
}
