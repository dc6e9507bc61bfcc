package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.Login;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every management command shares: the connection from the login file (its URL overridden by
 * {@code --url}), {@code --output table|json}, and one place turning failures into exit codes.
 */
abstract class Management implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default) or json (the API's answer, for scripts).")
  String output;

  /** Runs the command against Setpoint; prints what it answers. */
  abstract void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException;

  @Override
  public final Integer call() throws IOException {
    if (!output.equals("table") && !output.equals("json")) {
      throw new ParameterException(spec.commandLine(), "--output must be table or json");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      run(api(), out);
      out.flush();
      return SetpointCli.OK;
    } catch (ApiFailure e) {
      spec.commandLine().getErr().println("setpoint: " + e.getMessage());
      return e.exitCode();
    }
  }

  SetpointCli cli() {
    return (SetpointCli) spec.root().userObject();
  }

  boolean json() {
    return output.equals("json");
  }

  /** The client for the stored login; a usage error when there is none. */
  ManagementApi api() throws IOException {
    SetpointCli cli = cli();
    Login login =
        Login.read(Login.directory(cli.configDir()))
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(), "Not signed in: run 'setpoint login' first"));
    String url = cli.url() != null && !cli.url().isBlank() ? cli.url() : login.url();
    return new ManagementApi(url, login.authorization());
  }

  String app() {
    String app = cli().app();
    if (app == null || app.isBlank()) {
      throw new ParameterException(spec.commandLine(), "Missing --app (or SETPOINT_APP)");
    }
    return ManagementApi.segment(app);
  }

  String env() {
    String env = cli().env();
    if (env == null || env.isBlank()) {
      throw new ParameterException(spec.commandLine(), "Missing --env (or SETPOINT_ENV)");
    }
    return ManagementApi.segment(env);
  }

  boolean hasEnv() {
    return cli().env() != null && !cli().env().isBlank();
  }

  String appPath() {
    return "/api/v1/applications/" + app();
  }

  String envPath() {
    return appPath() + "/environments/" + env();
  }

  /** Every item of a paged list, following {@code nextCursor}. */
  static List<JsonObject> all(ManagementApi api, String path) throws ApiFailure {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      String page =
          path
              + (path.contains("?") ? "&" : "?")
              + "limit=500"
              + (cursor == null ? "" : "&cursor=" + ManagementApi.segment(cursor));
      JsonObject answer = api.get(page).asJsonObject();
      items.addAll(answer.getJsonArray("items").getValuesAs(JsonObject.class));
      JsonValue next = answer.get("nextCursor");
      cursor = next instanceof jakarta.json.JsonString s ? s.getString() : null;
    } while (cursor != null);
    return items;
  }

  /** Prints a list as JSON (an array) or as a table. */
  void list(PrintWriter out, List<JsonObject> items, String... columns) {
    if (json()) {
      JsonArray array =
          items.stream()
              .collect(jakarta.json.Json::createArrayBuilder, (b, i) -> b.add(i), (a, b) -> {})
              .build();
      out.println(array);
    } else {
      Tables.print(out, items, columns);
    }
  }

  static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
