package dev.setpoint.client.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --rollout}, {@code --bake} and {@code --stop-on}: a staged rollout's plan, as {@code
 * releases publish} and {@code changes propose} take it.
 */
final class RolloutOptions {

  @Option(
      names = "--rollout",
      paramLabel = "PERCENT[,PERCENT...]",
      split = ",",
      description = "Staged rollout steps, rising, ending at 100: 10,50,100.")
  List<Integer> steps;

  @Option(
      names = "--bake",
      paramLabel = "SECONDS",
      description = "With --rollout: how long each step is watched (default 60).")
  Integer bake;

  @Option(
      names = "--stop-on",
      paramLabel = "CONDITION[,CONDITION...]",
      split = ",",
      description = "With --rollout: check-in, health, alert (default all).")
  List<String> stopOn;

  /** The rollout request; null without {@code --rollout}. */
  JsonObjectBuilder request(CommandSpec spec) {
    if (steps == null) {
      if (bake != null || stopOn != null) {
        throw Management.usage(spec, "--bake and --stop-on need --rollout");
      }
      return null;
    }
    JsonObjectBuilder rollout =
        Json.createObjectBuilder().add("steps", Json.createArrayBuilder(steps));
    if (bake != null) {
      rollout.add("bakeSeconds", bake);
    }
    if (stopOn != null) {
      rollout.add("stopOn", Json.createArrayBuilder(stopOn));
    }
    return rollout;
  }
}
