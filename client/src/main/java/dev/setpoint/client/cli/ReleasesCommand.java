package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code setpoint releases list|diff|publish|rollback} of {@code --env}. */
@Command(
    name = "releases",
    description = "Lists, compares, publishes and rolls back the releases of --env.",
    subcommands = {
      ReleasesCommand.ListReleases.class,
      ReleasesCommand.Diff.class,
      ReleasesCommand.Publish.class,
      ReleasesCommand.Rollback.class
    })
final class ReleasesCommand {

  private static final String[] COLUMNS = {
    "number", "createdAt", "createdBy", "rolledBackFrom", "message"
  };

  private ReleasesCommand() {}

  @Command(name = "list", description = "Lists the releases, newest first.")
  static final class ListReleases extends Management {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      list(out, all(api, envPath() + "/releases"), COLUMNS);
    }
  }

  @Command(
      name = "diff",
      description = "What changed from release --against (default: the one before) to NUMBER.")
  static final class Diff extends Management {
    @Parameters(paramLabel = "NUMBER")
    int number;

    @Option(names = "--against", paramLabel = "NUMBER", description = "The release compared with.")
    Integer against;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObject diff =
          api.get(
                  envPath()
                      + "/releases/"
                      + number
                      + "/diff"
                      + (against == null ? "" : "?against=" + against))
              .asJsonObject();
      if (json()) {
        out.println(diff);
        return;
      }
      for (String part : List.of("added", "removed", "changed")) {
        if (diff.get(part) instanceof jakarta.json.JsonArray keys) {
          for (var key : keys) {
            out.println(part + "  " + Tables.text(key));
          }
        }
      }
    }
  }

  abstract static class Releasing extends Management {
    @Option(
        names = {"-m", "--message"},
        paramLabel = "TEXT",
        description = "Why (audited).")
    String message;

    JsonObject body() {
      JsonObjectBuilder body = Json.createObjectBuilder();
      if (message != null) {
        body.add("message", message);
      }
      return body.build();
    }
  }

  @Command(
      name = "publish",
      description =
          "Publishes the environment's current state as a release; with --rollout, to a growing"
              + " share of the instances step by step.")
  static final class Publish extends Releasing {
    @picocli.CommandLine.Mixin RolloutOptions rollout;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObject body = body();
      JsonObjectBuilder plan = rollout.request(spec);
      if (plan != null) {
        body = Json.createObjectBuilder(body).add("rollout", plan).build();
      }
      list(out, List.of(api.post(envPath() + "/releases", body).asJsonObject()), COLUMNS);
    }
  }

  @Command(name = "rollback", description = "Publishes release NUMBER's content again.")
  static final class Rollback extends Releasing {
    @Parameters(paramLabel = "NUMBER")
    int number;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      list(
          out,
          List.of(api.post(envPath() + "/releases/" + number + "/rollback", body()).asJsonObject()),
          COLUMNS);
    }
  }
}
