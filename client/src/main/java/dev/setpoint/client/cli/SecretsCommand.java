package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code setpoint secrets set|reveal|rotate} in {@code --env}. A value comes from {@code --file} or
 * standard input, never from an argument (which other users can read in the process list).
 */
@Command(
    name = "secrets",
    description = "Writes, reveals and rotates secrets of --env; values from stdin or --file.",
    subcommands = {
      SecretsCommand.Set.class,
      SecretsCommand.Reveal.class,
      SecretsCommand.Rotate.class
    })
final class SecretsCommand {

  private SecretsCommand() {}

  abstract static class Write extends Management {
    @Parameters(paramLabel = "KEY")
    String key;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "Read the value from FILE (default: standard input).")
    Path file;

    JsonObject body() throws IOException {
      String value = Stdin.value(file);
      if (value.isEmpty()) {
        throw usage(spec, "No value: give it on standard input or with --file");
      }
      return Json.createObjectBuilder().add("value", value).build();
    }

    void show(PrintWriter out, JsonObject answer) {
      list(out, List.of(answer), "key", "currentVersion", "rotationDueAt");
    }
  }

  @Command(name = "set", description = "Writes a new current version of KEY.")
  static final class Set extends Write {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      show(
          out,
          api.put(envPath() + "/secrets/" + ManagementApi.segment(key), body()).asJsonObject());
    }
  }

  @Command(
      name = "rotate",
      description =
          "Rotates KEY: a new current version, the previous one valid for the grace period.")
  static final class Rotate extends Write {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      show(
          out,
          api.post(envPath() + "/secrets/" + ManagementApi.segment(key) + "/rotate", body())
              .asJsonObject());
    }
  }

  @Command(name = "reveal", description = "Prints KEY's current value (audited).")
  static final class Reveal extends Management {
    @Parameters(paramLabel = "KEY")
    String key;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObject answer =
          api.post(envPath() + "/secrets/" + ManagementApi.segment(key) + "/reveal", null)
              .asJsonObject();
      out.println(json() ? answer.toString() : answer.getString("value"));
    }
  }
}
