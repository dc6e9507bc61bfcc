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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code setpoint bundle keygen|export|restore}: an application as one file, its secrets encrypted
 * to a passphrase read from a file or standard input (never an argument), or to a recipient's
 * public keyset; a recipient's bundle is decrypted here with the private keyset, which is never
 * sent. See docs/bundles.md.
 */
@Command(
    name = "bundle",
    description =
        "Exports --app as a bundle file (secrets encrypted to a passphrase or to a recipient's"
            + " public key) and restores one, here or on another Setpoint.",
    subcommands = {
      BundleCommand.Keygen.class,
      BundleCommand.Export.class,
      BundleCommand.Restore.class
    })
final class BundleCommand {

  private BundleCommand() {}

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description =
          "Makes a recipient key (Tink HPKE: X25519, HKDF-SHA256, AES-256-GCM): writes the"
              + " private keyset to --out FILE (owner-only; never overwritten) and the public"
              + " keyset to --public FILE or standard output. Give the public keyset to 'bundle"
              + " export --recipient'; keep the private one for 'bundle restore --identity'.")
  static final class Keygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The private keyset's file (created owner-only).")
    Path out;

    @Option(
        names = "--public",
        paramLabel = "FILE",
        description = "Write the public keyset here instead of standard output.")
    Path publicOut;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        throw Management.usage(spec, out + " exists: a private key is never overwritten");
      }
      BundleKeys.Pair pair = BundleKeys.generate();
      dev.setpoint.client.delivery.OwnerOnlyFiles.write(
          out, (pair.privateKeyset() + "\n").getBytes(StandardCharsets.UTF_8));
      PrintWriter err = spec.commandLine().getErr();
      if (publicOut == null) {
        spec.commandLine().getOut().println(pair.publicKeyset());
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(publicOut, pair.publicKeyset() + "\n", StandardCharsets.UTF_8);
        err.println("Wrote the public keyset to " + publicOut);
      }
      err.println("Wrote the private keyset of key " + pair.keyId() + " to " + out);
      err.flush();
      return SetpointCli.OK;
    }
  }

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

    @Option(
        names = "--recipient",
        paramLabel = "PUBFILE",
        description =
            "Encrypt the secrets to this public keyset (from 'bundle keygen') instead of a"
                + " passphrase.")
    Path recipient;

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      JsonObject body;
      if (recipient != null) {
        if (passphraseFile != null) {
          throw usage(spec, "Give --recipient or --passphrase-file, not both");
        }
        String keyset;
        try {
          keyset = Files.readString(recipient, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw usage(spec, "Cannot read " + recipient + ": " + e.getMessage());
        }
        body = Json.createObjectBuilder().add("recipient", keyset).build();
      } else {
        body = Json.createObjectBuilder().add("passphrase", passphrase()).build();
      }
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

    @Option(
        names = "--identity",
        paramLabel = "PRIVFILE",
        description =
            "For a bundle encrypted to a recipient key: the private keyset (from 'bundle"
                + " keygen'). The secrets are decrypted here and sent to Setpoint over the"
                + " authenticated API; the private key is never sent.")
    Path identity;

    @Mixin TransferCommands.PlanOptions plan = new TransferCommands.PlanOptions();

    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure, IOException {
      boolean fromStdin = file.equals("-");
      if (fromStdin && passphraseFile == null && identity == null) {
        throw usage(
            spec, "With the bundle on standard input, give --passphrase-file or --identity");
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
      String path = TransferCommands.PlanOptions.withQuery("/api/v1/bundles", query);
      JsonObject bundle = BundleKeys.parse(body);
      String recipient = bundle == null ? null : BundleKeys.recipient(bundle);
      JsonObject answer;
      if (identity != null) {
        if (passphraseFile != null) {
          throw usage(spec, "Give --identity or --passphrase-file, not both");
        }
        if (recipient == null) {
          throw usage(
              spec, "The bundle's secrets are not encrypted to a recipient key: drop --identity");
        }
        String keyset;
        try {
          keyset = Files.readString(identity, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw usage(spec, "Cannot read " + identity + ": " + e.getMessage());
        }
        byte[] decrypted =
            BundleKeys.decrypted(bundle, keyset, identity.toString())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
          answer = api.send("POST", path, decrypted, "application/json").asJsonObject();
        } finally {
          java.util.Arrays.fill(decrypted, (byte) 0);
        }
      } else {
        if (recipient != null) {
          throw usage(
              spec,
              "The bundle's secrets are encrypted to recipient key "
                  + recipient
                  + ": give --identity with its private keyset");
        }
        answer =
            api.send(
                    "POST",
                    path,
                    body,
                    "application/json",
                    "Setpoint-Bundle-Passphrase",
                    passphrase())
                .asJsonObject();
      }
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
