package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code setpoint bundle export|restore}: an application as one file, its secrets encrypted to a
 * passphrase read from a file or standard input (never an argument). See docs/bundles.md.
 */
@Command(
    name = "bundle",
    description =
        "Exports --app as a bundle file (secrets encrypted to a passphrase) and restores one,"
            + " here or on another Setpoint.",
    subcommands = {BundleCommand.Export.class, BundleCommand.Restore.class})
final class BundleCommand {

  private BundleCommand() {}

  /** The passphrase option both commands take. */
  abstract static class WithPassphrase extends Management {
    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description =
            "The file holding the passphrase (one trailing line break dropped); without it,"
                + " standard input.")
    Path passphraseFile;

    String passphrase() throws IOException {
      String passphrase;
      try {
        passphrase = Stdin.value(passphraseFile);
      } catch (IOException e) {
        throw usage(spec, "Cannot read the passphrase: " + e.getMessage());
      }
      if (passphrase.isEmpty()) {
        throw usage(spec, "No passphrase: give it in --passphrase-file or on standard input");
      }
      return passphrase;
    }
  }

  @Command(
      name = "export",
      description =
          "Writes --app as a bundle to standard output or --to FILE (created owner-only). Needs"
              + " the admin role on it and the right to reveal its secrets.")
  static final class Export extends WithPassphrase {
    @Option(names = "--to", paramLabel = "FILE", description = "Write the bundle here.")
    Path to;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      String passphrase = passphrase();
      JsonObject body = Json.createObjectBuilder().add("passphrase", passphrase).build();
      String bundle = api.post(appPath() + "/export", body).toString() + "\n";
      if (to == null) {
        out.print(bundle);
        return;
      }
      dev.setpoint.client.delivery.OwnerOnlyFiles.write(
          to, bundle.getBytes(StandardCharsets.UTF_8));
      spec.commandLine().getErr().println("Wrote the bundle of " + app() + " to " + to);
    }
  }

  @Command(
      name = "restore",
      description =
          "Restores the bundle FILE (a file from 'bundle export'; - for standard input, then the"
              + " passphrase must come from --passphrase-file) into its application or --as SLUG."
              + " Shows the plan; --apply writes it in one transaction.")
  static final class Restore extends WithPassphrase {
    @Parameters(paramLabel = "FILE")
    String file;

    @Option(
        names = "--as",
        paramLabel = "SLUG",
        description = "The application to restore into (default: the bundle's).")
    String as;

    @Mixin TransferCommands.PlanOptions plan = new TransferCommands.PlanOptions();

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      boolean fromStdin = file.equals("-");
      if (fromStdin && passphraseFile == null) {
        throw usage(spec, "With the bundle on standard input, give --passphrase-file");
      }
      byte[] body;
      try {
        body = fromStdin ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
      } catch (IOException e) {
        throw usage(spec, "Cannot read " + file + ": " + e.getMessage());
      }
      List<String> query = plan.query();
      if (as != null) {
        query.add("slug=" + ManagementApi.segment(as));
      }
      JsonObject answer =
          api.send(
                  "POST",
                  TransferCommands.PlanOptions.withQuery("/api/v1/bundles", query),
                  body,
                  "application/json",
                  "Setpoint-Bundle-Passphrase",
                  passphrase())
              .asJsonObject();
      if (json()) {
        out.println(answer);
        return;
      }
      out.println(
          "Into "
              + answer.getString("application")
              + (answer.getBoolean("createsApplication") ? " (new)" : "")
              + " from the bundle of "
              + answer.getString("bundleApplication"));
      if (!answer.getJsonArray("createsEnvironments").isEmpty()) {
        out.println(
            "New environments: "
                + answer.getJsonArray("createsEnvironments").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList());
      }
      TransferCommands.plan(this, out, answer.getJsonObject("plan"));
      out.println(
          answer.getInt("releases")
              + " release(s) in the bundle, recorded in the audit trail (publish to deliver)");
    }
  }
}
