package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code setpoint rollout status|pause|resume|advance|abort} of {@code --env}. */
@Command(
    name = "rollout",
    description = "Shows and controls the staged rollout of --env.",
    subcommands = {
      RolloutCommand.Status.class,
      RolloutCommand.Pause.class,
      RolloutCommand.Resume.class,
      RolloutCommand.Advance.class,
      RolloutCommand.Abort.class
    })
final class RolloutCommand {

  private static final String[] COLUMNS = {
    "state", "stable", "candidate", "step", "percent", "candidates", "stables", "reason"
  };

  private RolloutCommand() {}

  /** One row: the rollout with its cohort counts flattened. */
  static JsonObject row(JsonObject rollout) {
    JsonObject cohorts = rollout.getJsonObject("cohorts");
    return Json.createObjectBuilder(rollout)
        .add("candidates", cohorts == null ? JsonValue.NULL : cohorts.get("candidate"))
        .add("stables", cohorts == null ? JsonValue.NULL : cohorts.get("stable"))
        .build();
  }

  abstract static class Control extends Management {
    abstract String action();

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObject rollout =
          action() == null
              ? api.get(envPath() + "/rollout").asJsonObject()
              : api.post(envPath() + "/rollout/" + action(), JsonValue.EMPTY_JSON_OBJECT)
                  .asJsonObject();
      if (json()) {
        out.println(rollout);
        return;
      }
      list(out, List.of(row(rollout)), COLUMNS);
    }
  }

  @Command(
      name = "status",
      description = "The rollout's state, step, cohorts (instances by hash) and how it ended.")
  static final class Status extends Control {
    @Override
    String action() {
      return null;
    }
  }

  @Command(name = "pause", description = "Holds the rollout at its step.")
  static final class Pause extends Control {
    @Override
    String action() {
      return "pause";
    }
  }

  @Command(name = "resume", description = "Runs a paused rollout again.")
  static final class Resume extends Control {
    @Override
    String action() {
      return "resume";
    }
  }

  @Command(name = "advance", description = "Moves to the next step now.")
  static final class Advance extends Control {
    @Override
    String action() {
      return "advance";
    }
  }

  @Command(name = "abort", description = "Ends it: every instance back on the stable release.")
  static final class Abort extends Control {
    @Override
    String action() {
      return "abort";
    }
  }
}
