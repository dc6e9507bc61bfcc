package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The {@code setpoint} management commands, run as the executable jar against the real server. */
@EnabledIfSystemProperty(
    named = "setpoint.it.database",
    matches = "h2",
    disabledReason =
        "the CLI is a client of the HTTP API, whose server side runs on both databases in the API tests; one database is enough for the CLI, and saves most of a minute of the build")
class CliIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();

  @TempDir Path config;

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  record Run(int code, String out, String err) {
    JsonObject object() {
      return Json.createReader(new StringReader(out)).readObject();
    }

    JsonArray array() {
      return Json.createReader(new StringReader(out)).readArray();
    }
  }

  private Run cli(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("setpoint.it.cliJar"));
    command.addAll(List.of(args));
    command.addAll(List.of("--config-dir", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SETPOINT_URL");
    Path err = Files.createTempFile(config, "err", ".txt");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "setpoint did not finish");
    return new Run(process.exitValue(), out, Files.readString(err));
  }

  private Run login(String password) throws IOException, InterruptedException {
    return cli(
        password + "\n",
        "login",
        "--url",
        TestServer.baseUrl(),
        "--user",
        "admin",
        "--password-stdin");
  }

  private void login() throws IOException, InterruptedException {
    Run login = login(TestServer.adminPassword());
    assertEquals(0, login.code(), login::toString);
    assertTrue(login.out().contains("as admin"), login::toString);
  }

  @Test
  void loginStoresAnOwnerOnlyFileAndAWrongPasswordIsExitCode4() throws Exception {
    Run wrong = login("canary-" + UUID.randomUUID());
    assertEquals(4, wrong.code(), wrong::toString);
    assertFalse(Files.exists(config.resolve("login.properties")));
    login();
    String app = ADMIN.newApplication("cli-login");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(config.resolve("login.properties"))));
    Run apps = cli(null, "apps", "--output", "json");
    assertEquals(0, apps.code(), apps::toString);
    assertTrue(
        apps.array().getValuesAs(JsonObject.class).stream()
            .anyMatch(a -> a.getString("slug").equals(app)),
        apps::toString);
  }

  @Test
  void policyPromotionAndChangeRequestsFromTheCommandLine() throws Exception {
    login();
    String app = ADMIN.newApplication("cli-cr");
    assertEquals(201, ADMIN.define(app, "pool", "integer", "5").status());
    assertEquals(2, ADMIN.override(app, "staging", "pool", "20").status() / 100);
    ADMIN.publish(app, "staging");
    String[] prod = {"--app", app, "--env", "production"};

    Run set = cli(null, concat(prod, "policy", "set", "--approvals", "1", "--role", "editor"));
    assertEquals(0, set.code(), set::toString);
    Run get = cli(null, concat(prod, "policy", "get", "--output", "json"));
    assertEquals(1, get.object().getInt("approvals"), get::toString);
    Run promoted = cli(null, concat(prod, "promote", "--from", "staging"));
    assertEquals(0, promoted.code(), promoted::toString);
    assertTrue(promoted.out().contains("change request 1 opened"), promoted::toString);
    Run listed = cli(null, concat(prod, "changes", "list", "--status", "open", "--output", "json"));
    assertEquals(1, listed.array().size(), listed::toString);
    Run shown = cli(null, concat(prod, "changes", "show", "1"));
    assertTrue(shown.out().contains("set-setting"), shown::toString);
    Run own = cli(null, concat(prod, "changes", "approve", "1"));
    assertEquals(4, own.code(), "the author may not approve: " + own);

    SetpointClient reviewer = ADMIN.newPerson("cli-rev", "viewer", app);
    String name = reviewer.get("/api/v1/whoami").json().getString("name");
    String grant =
        SetpointClient.roleBinding(name, "editor", app)
            .replace("}", ",\"environment\":\"production\"}");
    assertEquals(201, ADMIN.post("/api/v1/roles", grant).status());
    String request = SetpointClient.env(app, "production") + "/change-requests/1";
    assertEquals(200, reviewer.post(request + "/approve", "{}").status());
    Run applied = cli(null, concat(prod, "changes", "apply", "1", "--output", "json"));
    assertEquals(0, applied.code(), applied::toString);
    assertEquals("applied", applied.object().getString("status"));
    assertEquals(20, ADMIN.resolved(app, "production").items().getJsonObject(0).getInt("value"));

    // a proposal from the command line: a setting, a secret from standard input, and a publish
    // that starts a staged rollout once the request is applied
    String secret = "canary-" + UUID.randomUUID();
    Run proposed =
        cli(
            secret + "\n",
            concat(
                prod,
                "changes",
                "propose",
                "-m",
                "Bigger pool",
                "--set",
                "pool=30",
                "--secret",
                "db.password",
                "--rollout",
                "50,100",
                "--bake",
                "3600",
                "--stop-on",
                "health",
                "--output",
                "json"));
    assertEquals(0, proposed.code(), proposed::toString);
    assertFalse(proposed.out().contains(secret), "a proposed secret value is never printed");
    int number = proposed.object().getInt("number");
    var changes = proposed.object().getJsonArray("changes");
    assertEquals("set-secret", changes.getJsonObject(1).getString("op"), proposed::toString);
    assertEquals(
        3600,
        changes.getJsonObject(2).getJsonObject("rollout").getInt("bakeSeconds"),
        proposed::toString);
    Run unpaired = cli(null, concat(prod, "changes", "propose", "--set", "pool=31", "--bake", "5"));
    assertEquals(2, unpaired.code(), "--bake needs --rollout: " + unpaired);
    String second = SetpointClient.env(app, "production") + "/change-requests/" + number;
    assertEquals(200, reviewer.post(second + "/approve", "{}").status());
    Run started = cli(null, concat(prod, "changes", "apply", String.valueOf(number)));
    assertEquals(0, started.code(), started::toString);
    Run status = cli(null, concat(prod, "rollout", "status", "--output", "json"));
    assertEquals("running", status.object().getString("state"), status::toString);
    assertEquals(50, status.object().getInt("percent"), status::toString);
    assertEquals(0, cli(null, concat(prod, "rollout", "abort")).code());
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = java.util.Arrays.copyOf(rest, rest.length + first.length);
    System.arraycopy(first, 0, all, rest.length, first.length);
    return all;
  }

  @Test
  void importCompareCopyAndReleasesFromTheCommandLine() throws Exception {
    login();
    String app = ADMIN.newApplication("cli");
    Path file = config.resolve("shop.env");
    String secret = "canary-" + UUID.randomUUID();
    Files.writeString(file, "PORT=8080\nFEATURE_X=true\nAPI_TOKEN=" + secret + "\n");

    Run plan = cli(null, "import", file.toString(), "--app", app, "--env", "staging");
    assertEquals(0, plan.code(), plan::toString);
    assertTrue(plan.out().contains("3 added"), plan::toString);
    assertFalse(plan.out().contains(secret), "a secret's value is never printed");
    assertTrue(ADMIN.resolved(app, "staging").body().contains("\"items\":[]"), "nothing written");

    Run applied = cli(null, "import", file.toString(), "--app", app, "--env", "staging", "--apply");
    assertEquals(0, applied.code(), applied::toString);
    assertTrue(applied.out().startsWith("ACTION"), applied::toString);
    Run port =
        cli(null, "settings", "get", "PORT", "--app", app, "--env", "staging", "--output", "json");
    assertEquals(0, port.code(), port::toString);
    assertEquals(8080, port.array().getJsonObject(0).getInt("value"));

    Run revealed = cli(null, "secrets", "reveal", "API_TOKEN", "--app", app, "--env", "staging");
    assertEquals(secret + "\n", revealed.out(), revealed::toString);
    String next = "canary-" + UUID.randomUUID();
    Run rotated =
        cli(next + "\n", "secrets", "rotate", "API_TOKEN", "--app", app, "--env", "staging");
    assertEquals(0, rotated.code(), rotated::toString);
    assertEquals(
        next + "\n",
        cli(null, "secrets", "reveal", "API_TOKEN", "--app", app, "--env", "staging").out());

    Run set = cli(null, "settings", "set", "PORT", "9090", "--app", app, "--env", "dev");
    assertEquals(0, set.code(), set::toString);
    Run compare =
        cli(null, "compare", "--app", app, "--from", "staging", "--to", "dev", "--output", "json");
    assertEquals(0, compare.code(), compare::toString);
    assertEquals("PORT", compare.object().getJsonArray("differ").getJsonObject(0).getString("key"));
    assertFalse(compare.out().contains(next));

    Run copy =
        cli(
            null,
            "copy",
            "--app",
            app,
            "--env",
            "dev",
            "--from",
            "staging",
            "--key",
            "FEATURE_X",
            "--apply");
    assertEquals(0, copy.code(), copy::toString);
    assertTrue(copy.out().contains("Readiness of dev"), copy::toString);

    Run published =
        cli(null, "releases", "publish", "-m", "from the CLI", "--app", app, "--env", "staging");
    assertEquals(0, published.code(), published::toString);
    Run releases =
        cli(null, "releases", "list", "--app", app, "--env", "staging", "--output", "json");
    assertEquals("from the CLI", releases.array().getJsonObject(0).getString("message"));
  }

  @Test
  void aBundleIsExportedAndRestoredFromTheCommandLine() throws Exception {
    login();
    String secret = "canary-" + UUID.randomUUID();
    String app = bundleSource("cli-bundle", "staging", secret);
    Path passphrase = config.resolve("passphrase");
    Files.writeString(passphrase, "bundle-" + UUID.randomUUID() + "\n");
    Path bundle = config.resolve("app.bundle.json");

    Run exported =
        cli(
            null,
            "bundle",
            "export",
            "--app",
            app,
            "--passphrase-file",
            passphrase.toString(),
            "--to",
            bundle.toString());
    assertEquals(0, exported.code(), exported::toString);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle)));
    assertFalse(Files.readString(bundle).contains(secret), "the secret is encrypted");

    String copy = SetpointClient.uniqueSlug("cli-bundle-copy");
    assertPlannedThenApplied(
        restoreBundle(Files.readString(passphrase), bundle, copy),
        restoreBundle(null, bundle, copy, "--passphrase-file", passphrase.toString(), "--apply"),
        secret);
    Run revealed = cli(null, "secrets", "reveal", "API_TOKEN", "--app", copy, "--env", "staging");
    assertEquals(secret + "\n", revealed.out(), revealed::toString);

    Run wrong = restoreBundle("another-passphrase\n", bundle, copy);
    assertEquals(5, wrong.code(), wrong::toString);
    assertTrue(wrong.err().contains("secrets"), wrong::toString);
  }

  @Test
  void aBundleEncryptedToARecipientKeyIsDecryptedOnlyWhereThePrivateKeysetIs() throws Exception {
    login();
    String secret = "canary-" + UUID.randomUUID();
    String app = bundleSource("cli-recipient", "production", secret);
    Path identity = config.resolve("keys/bundle-key.json");
    Path recipient = config.resolve("bundle-key.public.json");

    Run keygen =
        cli(
            null,
            "bundle",
            "keygen",
            "--out",
            identity.toString(),
            "--public",
            recipient.toString());
    assertEquals(0, keygen.code(), keygen::toString);
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)));
    String privateKeyset = Files.readString(identity);
    assertTrue(privateKeyset.contains("HpkePrivateKey"), "a Tink JSON private keyset");
    assertFalse(Files.readString(recipient).contains("PrivateKey"), "the public keyset only");
    Run overwrite = cli(null, "bundle", "keygen", "--out", identity.toString());
    assertEquals(2, overwrite.code(), overwrite::toString);
    assertEquals(privateKeyset, Files.readString(identity), "a private key is never overwritten");
    Run printed = cli(null, "bundle", "keygen", "--out", config.resolve("k2.json").toString());
    assertEquals(0, printed.code(), printed::toString);
    assertTrue(printed.out().contains("HpkePublicKey"), printed::toString);

    Path bundle = config.resolve("app.bundle.json");
    Run exported =
        cli(
            null,
            "bundle",
            "export",
            "--app",
            app,
            "--recipient",
            recipient.toString(),
            "--to",
            bundle.toString());
    assertEquals(0, exported.code(), exported::toString);
    String file = Files.readString(bundle);
    assertFalse(file.contains(secret), "the secret is encrypted");
    assertFalse(file.contains("\"kdf\""), "to the key, not a passphrase");

    String copy = SetpointClient.uniqueSlug("cli-recipient-copy");
    Run noIdentity = cli("some-passphrase\n", "bundle", "restore", bundle.toString());
    assertEquals(2, noIdentity.code(), noIdentity::toString);
    assertTrue(noIdentity.err().contains("--identity"), noIdentity::toString);
    assertPlannedThenApplied(
        restoreBundle(null, bundle, copy, "--identity", identity.toString()),
        restoreBundle(null, bundle, copy, "--identity", identity.toString(), "--apply"),
        secret);
    Run revealed =
        cli(null, "secrets", "reveal", "API_TOKEN", "--app", copy, "--env", "production");
    assertEquals(secret + "\n", revealed.out(), revealed::toString);

    Run wrong =
        restoreBundle(null, bundle, copy, "--identity", config.resolve("k2.json").toString());
    assertEquals(5, wrong.code(), wrong::toString);
    assertTrue(wrong.err().contains("secrets: cannot be decrypted"), wrong::toString);
    assertFalse(wrong.err().contains(secret) || wrong.out().contains(secret));
  }

  /** An application with one definition and the secret API_TOKEN in {@code env}. */
  private static String bundleSource(String prefix, String env, String secret) {
    String app = ADMIN.newApplication(prefix);
    assertEquals(201, ADMIN.define(app, "PORT", "integer", "8080").status());
    ADMIN.writeSecret(app, env, "API_TOKEN", secret);
    return app;
  }

  private Run restoreBundle(String stdin, Path bundle, String copy, String... options)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("bundle", "restore", bundle.toString()));
    args.addAll(List.of("--as", copy));
    args.addAll(List.of(options));
    return cli(stdin, args.toArray(String[]::new));
  }

  /** A bundle of one definition and one secret: planned as 2 added, then applied. */
  private static void assertPlannedThenApplied(Run plan, Run applied, String secret) {
    assertEquals(0, plan.code(), plan::toString);
    assertTrue(plan.out().contains("2 added"), plan::toString);
    assertFalse(plan.out().contains(secret));
    assertEquals(0, applied.code(), applied::toString);
    assertFalse(applied.out().contains(secret));
  }

  @Test
  void exitCodesSayWhatWentWrong() throws Exception {
    login();
    String app = ADMIN.newApplication("cli-codes");
    Run missing = cli(null, "settings", "get", "NOPE", "--app", app);
    assertEquals(3, missing.code(), missing::toString);
    Path file = config.resolve("bad.env");
    Files.writeString(file, "GOOD=1\nbad key=2\n");
    Run planned = cli(null, "import", file.toString(), "--app", app, "--env", "dev");
    assertEquals(0, planned.code(), "a plan with refusals is still a plan: " + planned);
    assertTrue(planned.out().contains("1 refused"), planned::toString);
    Run refused = cli(null, "import", file.toString(), "--app", app, "--env", "dev", "--apply");
    assertEquals(5, refused.code(), refused::toString);
    assertTrue(refused.err().contains("bad key"), refused::toString);
    Run usage = cli(null, "settings", "get", "--output", "xml", "--app", app);
    assertEquals(2, usage.code(), usage::toString);
    Run completion = cli(null, "completion");
    assertEquals(0, completion.code(), completion::toString);
    assertTrue(completion.out().contains("complete -F"), completion::toString);
  }
}
