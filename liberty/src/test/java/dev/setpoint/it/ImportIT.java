package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Problems;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports (plan, apply, hostile files), comparisons and copies over real HTTP. */
class ImportIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String importPath(String app, String env) {
    return (env == null ? SetpointClient.app(app) : SetpointClient.env(app, env)) + "/import";
  }

  private static Reply importText(
      SetpointClient client, String app, String env, String query, String body, String type) {
    return client.send("POST", importPath(app, env) + query, body, type);
  }

  private static Map<String, JsonObject> items(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(i -> i.getString("key"), i -> i, (a, b) -> b, TreeMap::new));
  }

  private static Map<String, JsonValue> resolved(String app, String env) {
    Reply reply = ADMIN.get(SetpointClient.env(app, env) + "/settings?limit=500");
    assertEquals(200, reply.status(), reply::toString);
    return reply.items().getValuesAs(JsonObject.class).stream()
        .filter(i -> i.containsKey("value") && i.get("value") != JsonValue.NULL)
        .collect(Collectors.toMap(i -> i.getString("key"), i -> i.get("value")));
  }

  @Test
  void aDotenvFileIsPlannedThenAppliedWithCredentialsAsSecrets() {
    String app = ADMIN.newApplication("imp-env");
    String password = "canary-" + UUID.randomUUID();
    String file =
        "# shop\nPORT=8080\nDEBUG=false\nBASE_URL=https://shop.example.test\nTIMEOUT=PT30S\n"
            + "ZIP=007\nDB_PASSWORD="
            + password
            + "\n";
    Reply plan = importText(ADMIN, app, "staging", "?dryRun=true", file, "text/plain");
    Map<String, JsonObject> items = items(plan);
    assertFalse(plan.body().contains(password), "a secret's value is never echoed");
    assertFalse(plan.json().getBoolean("applied"));
    assertEquals("integer", items.get("PORT").getString("type"));
    assertEquals("boolean", items.get("DEBUG").getString("type"));
    assertEquals("url", items.get("BASE_URL").getString("type"));
    assertEquals("duration", items.get("TIMEOUT").getString("type"));
    assertEquals("string", items.get("ZIP").getString("type"));
    assertEquals("secret", items.get("DB_PASSWORD").getString("kind"));
    assertEquals(6, plan.json().getJsonObject("counts").getInt("added"));
    assertTrue(resolved(app, "staging").isEmpty(), "a dry run writes nothing");

    Reply applied = importText(ADMIN, app, "staging", "", file, "text/plain");
    assertEquals(200, applied.status(), applied::toString);
    assertTrue(applied.json().getBoolean("applied"));
    assertFalse(applied.body().contains(password));
    Map<String, JsonValue> values = resolved(app, "staging");
    assertEquals("8080", values.get("PORT").toString());
    assertEquals("\"007\"", values.get("ZIP").toString());
    Reply secret = ADMIN.get(SetpointClient.env(app, "staging") + "/secrets/DB_PASSWORD");
    assertEquals(200, secret.status(), secret::toString);
    assertFalse(secret.body().contains(password));

    Reply again = importText(ADMIN, app, "staging", "?dryRun=true", file, "text/plain");
    assertEquals(6, again.json().getJsonObject("counts").getInt("unchanged"), again::toString);
    String changed = file.replace(password, "canary-" + UUID.randomUUID()).replace("8080", "9090");
    Map<String, JsonObject> second =
        items(importText(ADMIN, app, "staging", "?dryRun=true", changed, "text/plain"));
    assertEquals("change", second.get("DB_PASSWORD").getString("action"));
    assertEquals("change", second.get("PORT").getString("action"));
    assertEquals("unchanged", second.get("DEBUG").getString("action"));
  }

  @Test
  void yamlGoesToTheDefaultsAndRefusedKeysStopTheApplyUnlessSkipped() {
    String app = ADMIN.newApplication("imp-yaml");
    String yaml =
        "server:\n  port: 8080\n  shutdown: graceful\nhosts: [a, b]\n"
            + "spring:\n  datasource:\n    password: canary-"
            + UUID.randomUUID()
            + "\n";
    Map<String, JsonObject> plan =
        items(importText(ADMIN, app, null, "?dryRun=true", yaml, "application/yaml"));
    assertEquals("integer", plan.get("server.port").getString("type"));
    assertEquals("json", plan.get("hosts").getString("type"));
    assertEquals("refused", plan.get("spring.datasource.password").getString("action"));

    Reply refused = importText(ADMIN, app, null, "", yaml, "application/yaml");
    Problems.assertProblem(refused, 422, "unprocessable");
    assertEquals(404, ADMIN.get(SetpointClient.setting(app, "server.port")).status());

    Reply applied =
        importText(
            ADMIN,
            app,
            null,
            "?skipRefused=true&type.server.port=string",
            yaml,
            "application/yaml");
    assertEquals(200, applied.status(), applied::toString);
    Reply port = ADMIN.get(SetpointClient.setting(app, "server.port"));
    assertEquals("string", port.json().getString("type"), port::toString);
    assertEquals("\"8080\"", port.json().get("value").toString(), port::toString);
  }

  @Test
  void hostileFilesAreRefusedWholeAndChangeNothing() {
    String app = ADMIN.newApplication("imp-hostile");
    StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [*").append(p);
      for (int i = 0; i < 8; i++) {
        laughs.append(", *").append(p);
      }
      laughs.append("]\n");
    }
    Problems.assertFieldErrors(
        importText(ADMIN, app, "staging", "", laughs.toString(), "application/yaml"), "body");
    Problems.assertFieldErrors(
        importText(ADMIN, app, "staging", "", "A=1\nB=\u0000\n", "text/plain"), "body");
    Problems.assertFieldErrors(
        ADMIN.sendBytes(
            "POST",
            importPath(app, "staging"),
            new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28},
            "text/plain"),
        "body");
    Problems.assertFieldErrors(
        importText(ADMIN, app, "staging", "", "a:\n".repeat(1) + nested(40), "application/yaml"),
        "body");
    Problems.assertFieldErrors(
        importText(ADMIN, app, "staging", "?format=toml", "A=1", "text/plain"), "format");
    Problems.assertFieldErrors(
        importText(ADMIN, app, "staging", "?dryRun=maybe", "A=1", "text/plain"), "dryRun");
    Problems.assertFieldErrors(
        importText(ADMIN, app, "staging", "?type.A=float", "A=1", "text/plain"), "type.A");
    Problems.assertFieldErrors(
        ADMIN.sendBytes("POST", importPath(app, "staging"), zipBomb(), "application/zip"), "body");
    assertTrue(resolved(app, "staging").isEmpty());
  }

  @Test
  void aSpringLayoutMapsFilesOntoDefaultsAndEnvironments() throws IOException {
    String app = ADMIN.newApplication("imp-spring");
    Map<String, String> files = new TreeMap<>();
    files.put("application.yml", "greeting: hello\nserver:\n  port: 8080\n");
    files.put(app + ".yml", "greeting: hi\n");
    files.put(app + "-staging.yml", "server:\n  port: 9090\n");
    files.put(app + "-qa.yml", "server:\n  port: 7070\n");
    files.put("other-app.yml", "x: 1\n");
    Reply reply = ADMIN.sendBytes("POST", importPath(app, null), zip(files), "application/zip");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.body().contains("other-app.yml"), reply::toString);
    assertTrue(reply.body().contains("profile qa (no such environment)"), reply::toString);
    assertEquals("\"hi\"", resolved(app, "dev").get("greeting").toString());
    assertEquals("8080", resolved(app, "dev").get("server.port").toString());
    assertEquals("9090", resolved(app, "staging").get("server.port").toString());
  }

  @Test
  void compareShowsDifferencesAndSecretsOnlyByFingerprint() {
    String app = ADMIN.newApplication("imp-cmp");
    String shared = "canary-" + UUID.randomUUID();
    importText(ADMIN, app, null, "", "COLOR=blue\nSIZE=1\n", "text/plain");
    importText(
        ADMIN,
        app,
        "staging",
        "",
        "SIZE=2\nONLY_STAGING=x\nAPI_TOKEN=" + shared + "\n",
        "text/plain");
    importText(
        ADMIN,
        app,
        "dev",
        "",
        "API_TOKEN=" + shared + "\nDEV_SECRET_KEY=" + shared + "x\n",
        "text/plain");
    Reply reply = ADMIN.get(SetpointClient.app(app) + "/compare?from=staging&to=dev");
    assertEquals(200, reply.status(), reply::toString);
    assertFalse(reply.body().contains(shared), "no secret value in a comparison");
    JsonObject comparison = reply.json();
    assertEquals("[\"ONLY_STAGING\"]", comparison.getJsonArray("onlyInFrom").toString());
    assertEquals("[\"DEV_SECRET_KEY\"]", comparison.getJsonArray("onlyInTo").toString());
    JsonObject size = comparison.getJsonArray("differ").getJsonObject(0);
    assertEquals("SIZE", size.getString("key"));
    assertEquals("2", size.get("from").toString());
    assertEquals("1", size.get("to").toString());
    assertEquals(2, comparison.getInt("same"), "COLOR and the shared API_TOKEN");
    Problems.assertFieldErrors(ADMIN.get(SetpointClient.app(app) + "/compare?from=staging"), "to");
    assertEquals(
        404, ADMIN.get(SetpointClient.app(app) + "/compare?from=staging&to=nope").status());
  }

  @Test
  void copyPlansWithReadinessThenAppliesAndGuardsProduction() {
    String app = ADMIN.newApplication("imp-copy");
    importText(ADMIN, app, null, "", "COLOR=blue\n", "text/plain");
    String secret = "canary-" + UUID.randomUUID();
    importText(ADMIN, app, "staging", "", "COLOR=green\nAPI_TOKEN=" + secret + "\n", "text/plain");
    String copy = SetpointClient.env(app, "dev") + "/copy";
    Reply plan = ADMIN.post(copy + "?dryRun=true", "{\"from\":\"staging\"}");
    assertEquals(200, plan.status(), plan::toString);
    assertFalse(plan.body().contains(secret));
    assertTrue(plan.json().getJsonObject("readiness").containsKey("status"), plan::toString);
    JsonObject counts = plan.json().getJsonObject("plan").getJsonObject("counts");
    assertEquals(1, counts.getInt("added"), "API_TOKEN");
    assertEquals(1, counts.getInt("changed"), "COLOR: blue (the default) in dev, green in staging");
    assertEquals("\"blue\"", resolved(app, "dev").get("COLOR").toString());

    Reply applied = ADMIN.post(copy, "{\"from\":\"staging\"}");
    assertEquals(200, applied.status(), applied::toString);
    assertEquals("\"green\"", resolved(app, "dev").get("COLOR").toString());
    Reply revealed = ADMIN.post(SetpointClient.env(app, "dev") + "/secrets/API_TOKEN/reveal", null);
    assertTrue(revealed.body().contains(secret), revealed::toString);

    Reply toProduction =
        ADMIN.post(
            SetpointClient.env(app, "production") + "/copy?dryRun=true",
            "{\"from\":\"staging\",\"keys\":[\"API_TOKEN\",\"COLOR\",\"MISSING\"]}");
    Map<String, JsonObject> items =
        toProduction
            .json()
            .getJsonObject("plan")
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .collect(Collectors.toMap(i -> i.getString("key"), i -> i));
    assertEquals("refused", items.get("API_TOKEN").getString("action"), toProduction::toString);
    // production has no override: the default (blue) is in force there, so green is a change
    assertEquals("change", items.get("COLOR").getString("action"));
    assertEquals("refused", items.get("MISSING").getString("action"));

    SetpointClient editor = ADMIN.newPerson("imp-editor", "editor", app);
    Problems.assertProblem(
        editor.post(
            SetpointClient.env(app, "production") + "/copy",
            "{\"from\":\"staging\",\"keys\":[\"COLOR\"]}"),
        403,
        "forbidden");
    SetpointClient viewer = ADMIN.newPerson("imp-viewer", "viewer", app);
    Problems.assertProblem(
        importText(viewer, app, "staging", "?dryRun=true", "A=1", "text/plain"), 403, "forbidden");
    assertEquals(
        200, viewer.get(SetpointClient.app(app) + "/compare?from=staging&to=dev").status());
  }

  /** A YAML file of {@code groups} × 100 keys, {@code group3.key7: value-307}. */
  static String yamlOfKeys(int groups) {
    StringBuilder yaml = new StringBuilder();
    for (int group = 0; group < groups; group++) {
      yaml.append("group").append(group).append(":\n");
      for (int key = 0; key < 100; key++) {
        yaml.append("  key").append(key).append(": value-").append(group * 100 + key).append('\n');
      }
    }
    return yaml.toString();
  }

  @Test
  void largeFilesArePlannedWholeAndAppliedInBatches() {
    String app = ADMIN.newApplication("imp-large");
    SetpointClient patient = ADMIN.patient(Duration.ofMinutes(5));
    Reply plan = importText(patient, app, null, "?dryRun=true", yamlOfKeys(50), "application/yaml");
    assertEquals(200, plan.status(), plan::toString);
    assertEquals(5000, plan.json().getJsonObject("counts").getInt("added"));
    // past one release of the working set (every 100 writes): later writes still see earlier ones
    Reply applied = importText(patient, app, "staging", "", yamlOfKeys(3), "application/yaml");
    assertEquals(200, applied.status(), applied::toString);
    Map<String, JsonValue> values = resolved(app, "staging");
    assertEquals(300, values.size());
    assertEquals("\"value-299\"", values.get("group2.key99").toString());
  }

  private static String nested(int depth) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i <= depth; i++) {
      yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    return yaml.append(" ".repeat(depth + 1)).append("leaf: 1\n").toString();
  }

  private static byte[] zipBomb() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("application.yml"));
        byte[] line = ("a: " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5000; i++) {
          zip.write(line); // about 5 MB expanded, a few KB compressed
        }
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
