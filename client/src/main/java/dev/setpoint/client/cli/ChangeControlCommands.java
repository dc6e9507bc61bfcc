package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code setpoint policy get|set}, {@code setpoint changes
 * list|propose|show|approve|reject|apply|withdraw} and {@code setpoint promote}: change control of
 * {@code --env} (docs/change-control.md).
 */
final class ChangeControlCommands {

  private static final String[] REQUEST_COLUMNS = {
    "number", "status", "author", "revision", "approvalsRequired", "message"
  };

  private ChangeControlCommands() {}

  /** {@code setpoint policy}. */
  @Command(
      name = "policy",
      description = "Reads or sets the review policy of --env.",
      subcommands = {ChangeControlCommands.GetPolicy.class, ChangeControlCommands.SetPolicy.class})
  static final class Policy {}

  @Command(name = "get", description = "Shows the review policy in force.")
  static final class GetPolicy extends Management {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      printPolicy(this, out, api.get(envPath() + "/policy").asJsonObject());
    }
  }

  @Command(name = "set", description = "Sets the review policy (the environment's admins).")
  static final class SetPolicy extends Management {
    @Option(
        names = "--approvals",
        required = true,
        paramLabel = "N",
        description = "0 (no review) to 3.")
    int approvals;

    @Option(names = "--role", paramLabel = "ROLE", description = "editor, releaser or admin.")
    String role;

    @Option(
        names = "--approver",
        paramLabel = "PRINCIPAL",
        description = "A user name or group:<name> that may approve (repeatable).")
    List<String> principals;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObjectBuilder body = Json.createObjectBuilder().add("approvals", approvals);
      if (role != null || principals != null) {
        JsonObjectBuilder approvers = Json.createObjectBuilder();
        if (role != null) {
          approvers.add("role", role);
        }
        if (principals != null) {
          JsonArrayBuilder names = Json.createArrayBuilder();
          principals.forEach(names::add);
          approvers.add("principals", names);
        }
        body.add("approvers", approvers);
      }
      printPolicy(this, out, api.put(envPath() + "/policy", body.build()).asJsonObject());
    }
  }

  /** {@code setpoint changes}. */
  @Command(
      name = "changes",
      description = "Lists, shows, reviews, applies and withdraws the change requests of --env.",
      subcommands = {
        ChangeControlCommands.ListRequests.class,
        ChangeControlCommands.Propose.class,
        ChangeControlCommands.Show.class,
        ChangeControlCommands.Approve.class,
        ChangeControlCommands.Reject.class,
        ChangeControlCommands.Apply.class,
        ChangeControlCommands.Withdraw.class
      })
  static final class Changes {}

  @Command(name = "list", description = "Lists the change requests, newest first.")
  static final class ListRequests extends Management {
    @Option(names = "--status", paramLabel = "STATUS", description = "open, approved, stale, …")
    String status;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      String path =
          envPath()
              + "/change-requests"
              + (status == null ? "" : "?status=" + ManagementApi.segment(status));
      list(out, all(api, path), REQUEST_COLUMNS);
    }
  }

  @Command(
      name = "propose",
      description =
          "Opens a change request: settings to set or unset, secrets to write (values from files or"
              + " standard input, never arguments) or delete, and an optional trailing publish.")
  static final class Propose extends Management {
    @Option(
        names = {"-m", "--message"},
        paramLabel = "TEXT",
        description = "What the request is for.")
    String message;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Set an override (VALUE is JSON if it parses as JSON, else a string).")
    List<String> sets = List.of();

    @Option(names = "--unset", paramLabel = "KEY", description = "Remove an override.")
    List<String> unsets = List.of();

    @Option(
        names = "--secret",
        paramLabel = "KEY[=FILE]",
        description = "Write a secret from FILE; one KEY alone reads standard input.")
    List<String> secrets = List.of();

    @Option(names = "--delete-secret", paramLabel = "KEY", description = "Delete a secret.")
    List<String> deletes = List.of();

    @Option(names = "--publish", description = "End with a publish of the resulting state.")
    boolean publish;

    @Option(
        names = "--publish-message",
        paramLabel = "TEXT",
        description = "The release's message (default: one naming the request).")
    String publishMessage;

    /** With --rollout the publish starts a staged rollout (and --publish is implied). */
    @picocli.CommandLine.Mixin RolloutOptions plan;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, java.io.IOException {
      JsonArrayBuilder changes = Json.createArrayBuilder();
      for (String set : sets) {
        int equals = set.indexOf('=');
        if (equals < 1) {
          throw usage(spec, "--set needs KEY=VALUE: " + set);
        }
        changes.add(
            change("set-setting", set.substring(0, equals))
                .add("value", SettingsCommand.Set.parse(set.substring(equals + 1))));
      }
      unsets.forEach(key -> changes.add(change("remove-setting", key)));
      boolean stdinUsed = false;
      for (String secret : secrets) {
        int equals = secret.indexOf('=');
        if (equals < 0 && stdinUsed) {
          throw usage(spec, "Only one --secret may read standard input; give the others a FILE");
        }
        stdinUsed |= equals < 0;
        String key = equals < 0 ? secret : secret.substring(0, equals);
        String value =
            Stdin.value(equals < 0 ? null : java.nio.file.Path.of(secret.substring(equals + 1)));
        if (value.isEmpty()) {
          throw usage(spec, "No value for secret " + key);
        }
        changes.add(change("set-secret", key).add("value", value));
      }
      deletes.forEach(key -> changes.add(change("delete-secret", key)));
      JsonObjectBuilder rollout = plan.request(spec);
      if (publish || rollout != null || publishMessage != null) {
        JsonObjectBuilder last = Json.createObjectBuilder().add("op", "publish");
        if (publishMessage != null) {
          last.add("message", publishMessage);
        }
        if (rollout != null) {
          last.add("rollout", rollout);
        }
        changes.add(last);
      }
      JsonObjectBuilder body = Json.createObjectBuilder().add("changes", changes);
      if (message != null) {
        body.add("message", message);
      }
      JsonObject opened = api.post(envPath() + "/change-requests", body.build()).asJsonObject();
      if (json()) {
        out.println(opened);
      } else {
        out.println("change request " + opened.getInt("number") + " opened for review");
        Tables.print(out, List.of(opened), REQUEST_COLUMNS);
      }
    }

    private static JsonObjectBuilder change(String op, String key) {
      return Json.createObjectBuilder().add("op", op).add("key", key);
    }
  }

  /** A step on one request, printing the request it answers with. */
  abstract static class Step extends Management {
    @Parameters(paramLabel = "NUMBER", description = "The change request's number.")
    int number;

    String requestPath() {
      return envPath() + "/change-requests/" + number;
    }

    void print(PrintWriter out, JsonObject request) {
      if (json()) {
        out.println(request);
        return;
      }
      Tables.print(out, List.of(request), REQUEST_COLUMNS);
      if (request.get("diff") instanceof jakarta.json.JsonArray diff) {
        out.println();
        Tables.print(
            out,
            diff.getValuesAs(JsonObject.class),
            "op",
            "key",
            "before",
            "after",
            "currentVersion",
            "moved");
      }
      if (request.get("readiness") instanceof JsonObject readiness) {
        out.println();
        out.println("ready after the changes: " + readiness.getBoolean("ready"));
        Tables.print(
            out,
            readiness.getJsonArray("findings").getValuesAs(JsonObject.class),
            "severity",
            "rule",
            "key");
      }
    }
  }

  @Command(name = "show", description = "Shows a request with its diff and readiness.")
  static final class Show extends Step {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      print(out, api.get(requestPath()).asJsonObject());
    }
  }

  /** approve and reject, with an optional comment. */
  abstract static class Review extends Step {
    @Option(names = "--comment", paramLabel = "TEXT", description = "Why.")
    String comment;

    void review(ManagementApi api, PrintWriter out, String step) throws ApiFailure {
      JsonObjectBuilder body = Json.createObjectBuilder();
      if (comment != null) {
        body.add("comment", comment);
      }
      print(out, api.post(requestPath() + "/" + step, body.build()).asJsonObject());
    }
  }

  @Command(name = "approve", description = "Approves a request (not your own).")
  static final class Approve extends Review {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      review(api, out, "approve");
    }
  }

  @Command(name = "reject", description = "Rejects a request.")
  static final class Reject extends Review {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      review(api, out, "reject");
    }
  }

  @Command(name = "apply", description = "Applies an approved request in one transaction.")
  static final class Apply extends Step {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      print(out, api.post(requestPath() + "/apply", JsonValue.EMPTY_JSON_OBJECT).asJsonObject());
    }
  }

  @Command(name = "withdraw", description = "Closes a request without applying it.")
  static final class Withdraw extends Step {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      print(out, api.post(requestPath() + "/withdraw", JsonValue.EMPTY_JSON_OBJECT).asJsonObject());
    }
  }

  @Command(
      name = "promote",
      description =
          "Promotes a release of --from into --env: a change request under a review policy, a"
              + " release without one.")
  static final class Promote extends Management {
    @Option(names = "--from", required = true, paramLabel = "ENV", description = "The source.")
    String from;

    @Option(names = "--release", paramLabel = "NUMBER", description = "Default: its latest.")
    Integer release;

    @Option(
        names = {"-m", "--message"},
        paramLabel = "TEXT",
        description = "Added to the release message.")
    String message;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      JsonObjectBuilder body = Json.createObjectBuilder().add("from", from);
      if (release != null) {
        body.add("release", release);
      }
      if (message != null) {
        body.add("message", message);
      }
      JsonObject answer = api.post(envPath() + "/promote", body.build()).asJsonObject();
      if (json()) {
        out.println(answer);
      } else if (answer.containsKey("status")) {
        out.println("change request " + answer.getInt("number") + " opened for review");
        Tables.print(out, List.of(answer), REQUEST_COLUMNS);
      } else {
        Tables.print(out, List.of(answer), "number", "createdAt", "createdBy", "message");
      }
    }
  }

  /** Prints a policy as JSON or as a one-row table. */
  static void printPolicy(Management command, PrintWriter out, JsonObject policy) {
    if (command.json()) {
      out.println(policy);
    } else {
      Tables.print(out, List.of(flat(policy)), "approvals", "role", "principals", "explicit");
    }
  }

  /** A policy as one table row. */
  static JsonObject flat(JsonObject policy) {
    JsonObjectBuilder row =
        Json.createObjectBuilder()
            .add("approvals", policy.getInt("approvals"))
            .add("explicit", policy.getBoolean("explicit"));
    if (policy.get("approvers") instanceof JsonObject approvers) {
      if (approvers.containsKey("role")) {
        row.add("role", approvers.getString("role"));
      }
      if (approvers.get("principals") instanceof jakarta.json.JsonArray names) {
        row.add(
            "principals", String.join(",", names.getValuesAs(jakarta.json.JsonString::getString)));
      }
    }
    return row.build();
  }
}
