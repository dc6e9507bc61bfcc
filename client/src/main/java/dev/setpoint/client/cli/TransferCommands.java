package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code setpoint import}, {@code compare} and {@code copy}: plans first, applied on request. */
final class TransferCommands {

  private static final String[] PLAN = {"action", "kind", "environment", "key", "type", "reason"};

  private TransferCommands() {}

  /** Prints a plan: its items as a table and the counts under them. */
  static void plan(Management command, PrintWriter out, JsonObject plan) {
    if (command.json()) {
      out.println(plan);
      return;
    }
    Tables.print(out, Tables.objects(plan.getJsonArray("items")), PLAN);
    JsonObject counts = plan.getJsonObject("counts");
    out.printf(
        "%s: %d added, %d changed, %d unchanged, %d refused%n",
        plan.getBoolean("applied") ? "Applied" : "Plan (nothing written; --apply writes it)",
        counts.getInt("added"),
        counts.getInt("changed"),
        counts.getInt("unchanged"),
        counts.getInt("refused"));
    if (plan.get("ignored") instanceof jakarta.json.JsonArray ignored && !ignored.isEmpty()) {
      out.println(
          "Ignored: "
              + ignored.getValuesAs(jakarta.json.JsonString.class).stream()
                  .map(jakarta.json.JsonString::getString)
                  .toList());
    }
  }

  /** {@code --apply} and {@code --skip-refused}, which every planned command takes. */
  static final class PlanOptions {
    @Option(names = "--apply", description = "Apply the plan (default: only show it).")
    boolean apply;

    @Option(names = "--skip-refused", description = "With --apply, leave refused keys out.")
    boolean skipRefused;

    /** The query parameters they ask for: {@code dryRun=true} unless applied, and the skip. */
    List<String> query() {
      List<String> query = new ArrayList<>();
      if (!apply) {
        query.add("dryRun=true");
      }
      if (skipRefused) {
        query.add("skipRefused=true");
      }
      return query;
    }

    /** {@code path} with {@code query} (none: the path alone). */
    static String withQuery(String path, List<String> query) {
      return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }
  }

  @Command(
      name = "import",
      description =
          "Imports FILE (.env, .properties, .yml/.yaml, .json, or a Spring layout .zip) into --env,"
              + " or into the application's defaults without --env. Shows the plan; --apply writes"
              + " it in one transaction.")
  static final class Import extends Management {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "dotenv, properties, yaml, json or spring (default: from the file's name).")
    String format;

    @Mixin PlanOptions plan = new PlanOptions();

    @Option(
        names = "--type",
        paramLabel = "KEY=TYPE",
        description = "A key's type: string, integer, boolean, url, duration, json or secret.")
    Map<String, String> types = new LinkedHashMap<>();

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      byte[] body;
      try {
        body = Files.readAllBytes(file);
      } catch (IOException e) {
        throw usage(spec, "Cannot read " + file + ": " + e.getMessage());
      }
      List<String> query = plan.query();
      if (format != null) {
        query.add("format=" + ManagementApi.segment(format));
      }
      types.forEach(
          (k, v) -> query.add("type." + ManagementApi.segment(k) + "=" + ManagementApi.segment(v)));
      String path = PlanOptions.withQuery((hasEnv() ? envPath() : appPath()) + "/import", query);
      JsonValue answer = api.send("POST", path, body, mediaType(file));
      plan(this, out, answer.asJsonObject());
    }

    static String mediaType(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".properties")) {
        return "text/x-java-properties";
      }
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        return "application/yaml";
      }
      if (name.endsWith(".json")) {
        return "application/json";
      }
      if (name.endsWith(".zip")) {
        return "application/zip";
      }
      return "text/plain";
    }
  }

  @Command(
      name = "compare",
      description = "Compares the values in force of two environments of --app.")
  static final class Compare extends Management {
    @Option(names = "--from", required = true, paramLabel = "ENV")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ENV")
    String to;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObject comparison =
          api.get(
                  appPath()
                      + "/compare?from="
                      + ManagementApi.segment(from)
                      + "&to="
                      + ManagementApi.segment(to))
              .asJsonObject();
      if (json()) {
        out.println(comparison);
        return;
      }
      List<JsonObject> rows = new ArrayList<>();
      comparison
          .getJsonArray("onlyInFrom")
          .forEach(k -> rows.add(row(Tables.text(k), "only in " + from, null, null)));
      comparison
          .getJsonArray("onlyInTo")
          .forEach(k -> rows.add(row(Tables.text(k), "only in " + to, null, null)));
      for (JsonObject d : Tables.objects(comparison.getJsonArray("differ"))) {
        rows.add(
            row(
                d.getString("key"),
                "differs (" + d.getString("type") + ")",
                d.get("from"),
                d.get("to")));
      }
      for (JsonObject m : Tables.objects(comparison.getJsonArray("typeMismatch"))) {
        rows.add(
            row(
                m.getString("key"),
                "type " + m.getString("from") + " / " + m.getString("to"),
                null,
                null));
      }
      Tables.print(out, rows, "key", "difference", "from", "to");
      out.println(comparison.getInt("same") + " key(s) the same");
    }

    private static JsonObject row(String key, String difference, JsonValue a, JsonValue b) {
      JsonObjectBuilder row =
          Json.createObjectBuilder().add("key", key).add("difference", difference);
      if (a != null) {
        row.add("from", a);
      }
      if (b != null) {
        row.add("to", b);
      }
      return row.build();
    }
  }

  @Command(
      name = "copy",
      description =
          "Copies values in force from --from into --env (the listed --key ones, else all). Shows"
              + " the plan and the target's readiness; --apply writes it.")
  static final class Copy extends Management {
    @Option(names = "--from", required = true, paramLabel = "ENV")
    String from;

    @Option(names = "--key", paramLabel = "KEY", description = "A key to copy (repeatable).")
    List<String> keys = new ArrayList<>();

    @Mixin PlanOptions plan = new PlanOptions();

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonArrayBuilder listed = Json.createArrayBuilder();
      keys.forEach(listed::add);
      JsonObject body = Json.createObjectBuilder().add("from", from).add("keys", listed).build();
      JsonObject result =
          api.post(PlanOptions.withQuery(envPath() + "/copy", plan.query()), body).asJsonObject();
      if (json()) {
        out.println(result);
        return;
      }
      plan(this, out, result.getJsonObject("plan"));
      JsonObject readiness = result.getJsonObject("readiness");
      out.println(
          "Readiness of "
              + result.getString("to")
              + ": "
              + readiness.getString("status")
              + " ("
              + readiness.getJsonArray("findings").size()
              + " finding(s))");
    }
  }
}
