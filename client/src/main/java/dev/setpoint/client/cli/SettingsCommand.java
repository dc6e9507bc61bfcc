package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringReader;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code setpoint settings get|set|unset}: with {@code --env} an environment's values (resolved)
 * and overrides, without it the application's definitions and defaults.
 */
@Command(
    name = "settings",
    description = "Reads and writes settings: with --env its overrides, else the definitions.",
    subcommands = {
      SettingsCommand.Get.class,
      SettingsCommand.Set.class,
      SettingsCommand.Unset.class
    })
final class SettingsCommand {

  private SettingsCommand() {}

  @Command(name = "get", description = "Shows settings (one KEY, or all).")
  static final class Get extends Management {
    @Parameters(arity = "0..1", paramLabel = "KEY")
    String key;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      if (hasEnv()) {
        List<JsonObject> resolved =
            all(api, envPath() + "/settings").stream()
                .filter(s -> key == null || key.equals(s.getString("key")))
                .toList();
        if (key != null && resolved.isEmpty()) {
          throw new ApiFailure(ManagementApi.NOT_FOUND, "No setting '" + key + "'");
        }
        list(out, resolved, "key", "type", "value", "source");
        return;
      }
      List<JsonObject> defined =
          key == null
              ? all(api, appPath() + "/settings")
              : List.of(
                  api.get(appPath() + "/settings/" + ManagementApi.segment(key)).asJsonObject());
      list(out, defined, "key", "type", "value", "required", "description");
    }
  }

  @Command(
      name = "set",
      description =
          "Sets KEY to VALUE (JSON if it parses as JSON, else a string): the override in --env,"
              + " else the definition (with --type).")
  static final class Set extends Management {
    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Option(
        names = "--type",
        paramLabel = "TYPE",
        defaultValue = "string",
        description = "The definition's type, without --env (default: ${DEFAULT-VALUE}).")
    String type;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonValue parsed = parse(value);
      JsonObject answer;
      if (hasEnv()) {
        answer =
            api.put(
                    envPath() + "/settings/" + ManagementApi.segment(key),
                    Json.createObjectBuilder().add("value", parsed).build())
                .asJsonObject();
      } else {
        answer =
            api.put(
                    appPath() + "/settings/" + ManagementApi.segment(key),
                    Json.createObjectBuilder().add("type", type).add("value", parsed).build())
                .asJsonObject();
      }
      list(out, List.of(answer), "key", "type", "value");
    }

    /** JSON if the text parses as JSON, else a JSON string. */
    static JsonValue parse(String text) {
      try (var reader = Json.createReader(new StringReader(text))) {
        return reader.readValue();
      } catch (RuntimeException e) {
        return Json.createValue(text);
      }
    }
  }

  @Command(
      name = "unset",
      description =
          "Removes KEY's override in --env (falling back to the default), else its definition.")
  static final class Unset extends Management {
    @Parameters(paramLabel = "KEY")
    String key;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      String base = hasEnv() ? envPath() : appPath();
      api.delete(base + "/settings/" + ManagementApi.segment(key));
      if (!json()) {
        out.println("Removed " + key);
      }
    }
  }
}
