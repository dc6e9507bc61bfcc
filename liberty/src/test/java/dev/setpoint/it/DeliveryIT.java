package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.SetpointClient.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeliveryIT {

  /** Values that break naive escaping in one format or another. */
  private static final Map<String, String> TRICKY = new LinkedHashMap<>();

  static {
    TRICKY.put("plain", "hello");
    TRICKY.put("separators", "a=b:c = d : e");
    TRICKY.put("quotes", "say \"hi\" and 'bye'");
    TRICKY.put("lines", "first\nsecond\r\nthird\tend");
    TRICKY.put("unicode", "Grüße, 東京, emoji \uD83D\uDE80");
    TRICKY.put("backslash", "C:\\temp\\new \\n not a newline");
    TRICKY.put("shell", "$HOME ${PATH} `id` #hash !bang");
    TRICKY.put("spaces", "  leading and trailing  ");
    TRICKY.put("key.with-dots_and-dashes", "x");
    TRICKY.put("single", "it's 'quoted' ''");
    TRICKY.put("substitution", "$(echo pwned) ${HOME:-x} \\`echo pwned\\` \\$ \\\\");
    TRICKY.put("trailing-newline", "ends with a newline\n");
  }

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private String appWithTrickyRelease() {
    String app = client.newApplication("fmt");
    TRICKY.forEach(
        (key, value) -> client.define(app, key, "string", Json.createValue(value).toString()));
    return app;
  }

  @Test
  void jsonIsAFlatObjectWithTypedSettingsAndSecretValues() {
    String app = client.newApplication("json");
    client.define(app, "pool.max", "integer", "12");
    client.define(app, "debug", "boolean", "false");
    client.define(app, "limits", "json", "{\"rps\":5}");
    client.define(app, "name", "string", "\"shop\"");
    String canary = "canary-" + UUID.randomUUID();
    client.writeSecret(app, "dev", "db.password", canary);
    client.publish(app, "dev");

    Reply delivered = client.get(config(app, "dev"));
    assertEquals(200, delivered.status(), delivered::toString);
    assertTrue(delivered.contentType().startsWith("application/json"), delivered.contentType());
    JsonObject body = delivered.json();
    assertEquals(12, body.getInt("pool.max"));
    assertFalse(body.getBoolean("debug"));
    assertEquals(5, body.getJsonObject("limits").getInt("rps"));
    assertEquals("shop", body.getString("name"));
    assertEquals(canary, body.getString("db.password"), "secrets are decrypted when served");
    assertTrue(delivered.header("Cache-Control").contains("no-store"));
    assertEquals("1", delivered.header("X-Setpoint-Release"));
  }

  @Test
  void everyFormatEscapesKeysAndValuesSoTheyReadBackExactly()
      throws IOException, InterruptedException {
    String app = appWithTrickyRelease();
    client.publish(app, "dev");

    JsonObject json = client.get(config(app, "dev") + "?format=json").json();
    TRICKY.forEach((key, value) -> assertEquals(value, json.getString(key), key));

    Reply properties = client.get(config(app, "dev") + "?format=properties");
    assertEquals(200, properties.status(), properties::toString);
    assertTrue(properties.contentType().startsWith("text/plain"), properties.contentType());
    assertTrue(properties.body().chars().allMatch(c -> c < 0x80), "properties are pure ASCII");
    Properties byReader = new Properties();
    byReader.load(new StringReader(properties.body()));
    Properties byStream = new Properties();
    byStream.load(
        new ByteArrayInputStream(properties.body().getBytes(StandardCharsets.ISO_8859_1)));
    TRICKY.forEach(
        (key, value) -> {
          assertEquals(value, byReader.getProperty(key), key);
          assertEquals(value, byStream.getProperty(key), key);
        });

    Reply dotenv = client.get(config(app, "dev") + "?format=dotenv");
    assertEquals(200, dotenv.status(), dotenv::toString);
    Map<String, String> sourced = sourcedByShell(dotenv.body());
    TRICKY.forEach(
        (key, value) ->
            assertEquals(
                value, sourced.get(key.toUpperCase().replaceAll("[^A-Za-z0-9_]", "_")), key));
  }

  @Test
  void dotenvSourcedByAShellExecutesNothing() throws IOException, InterruptedException {
    String app = client.newApplication("inert");
    java.nio.file.Path marker =
        java.nio.file.Files.createTempDirectory("setpoint-dotenv").resolve("executed");
    List<String> attacks =
        List.of(
            "$(touch " + marker + ")",
            "`touch " + marker + "`",
            "'; touch " + marker + "; '",
            "\"; touch " + marker + "; \"",
            "x\ntouch " + marker + "\n");
    for (int i = 0; i < attacks.size(); i++) {
      client.define(app, "attack" + i, "string", Json.createValue(attacks.get(i)).toString());
    }
    client.publish(app, "dev");
    Map<String, String> sourced =
        sourcedByShell(client.get(config(app, "dev") + "?format=dotenv").body());
    for (int i = 0; i < attacks.size(); i++) {
      assertEquals(attacks.get(i), sourced.get("ATTACK" + i), "read back exactly");
    }
    assertFalse(java.nio.file.Files.exists(marker), "sourcing the file ran a command");
  }

  /**
   * What {@code set -a; . ./.env} gives a POSIX shell (dash where installed): the variables the
   * file defines, read back NUL-separated so newlines in values survive.
   */
  private static Map<String, String> sourcedByShell(String dotenv)
      throws IOException, InterruptedException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("setpoint", ".env");
    java.nio.file.Files.writeString(file, dotenv);
    Process shell =
        new ProcessBuilder(
                "env", "-i", "/bin/sh", "-c", "set -a; . \"$1\"; env -0", "sh", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, shell.waitFor(), out);
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : out.split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        values.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return values;
  }

  @Test
  void dotenvRefusesKeysThatBecomeTheSameVariable() {
    String app = client.newApplication("clash");
    client.define(app, "db.url", "string", "\"a\"");
    client.define(app, "db_url", "string", "\"b\"");
    client.publish(app, "dev");
    assertProblem(client.get(config(app, "dev") + "?format=dotenv"), 409, "conflict");
    assertEquals(200, client.get(config(app, "dev") + "?format=properties").status());
  }

  @Test
  void dotenvRefusesKeysThatBecomeVariablesShellsOrTheLoaderActOn() {
    for (String key : List.of("bash.env", "ld.preload", "PATH", "java-tool-options")) {
      String app = client.newApplication("interp");
      client.define(app, key, "string", "\"x\"");
      client.publish(app, "dev");
      JsonObject problem =
          assertProblem(client.get(config(app, "dev") + "?format=dotenv"), 409, "conflict");
      assertTrue(problem.getString("detail").contains(key), problem::toString);
      assertEquals(200, client.get(config(app, "dev")).status(), "json still serves it");
    }
  }

  @Test
  void theEntityTagIsTheReleaseHashAndAMatchAnswers304WithoutBody() {
    String app = client.newApplication("etag");
    client.define(app, "x", "string", "\"1\"");
    String hash = client.publish(app, "dev").getString("hash");

    Reply first = client.get(config(app, "dev"));
    assertEquals("\"" + hash + "\"", first.etag());
    Reply again = client.get(config(app, "dev"), "If-None-Match", first.etag());
    assertEquals(304, again.status(), again::toString);
    assertEquals("", again.body());
    assertEquals(first.etag(), again.etag());

    Reply stale = client.get(config(app, "dev"), "If-None-Match", "\"not-the-hash\"");
    assertEquals(200, stale.status());
    Reply properties =
        client.get(config(app, "dev") + "?format=properties", "If-None-Match", first.etag());
    assertEquals(304, properties.status(), "the tag names the release, whatever the format");
  }

  @Test
  void aWatcherIsWokenByAPublishWithinASecond() throws Exception {
    String app = client.newApplication("watch");
    client.define(app, "mode", "string", "\"a\"");
    String tag = "\"" + client.publish(app, "dev").getString("hash") + "\"";

    CompletableFuture<Reply> watching =
        CompletableFuture.supplyAsync(
            () -> client.get(config(app, "dev") + "?wait=30", "If-None-Match", tag));
    awaitWatching(watching);

    client.override(app, "dev", "mode", "\"b\"");
    long published = System.nanoTime();
    client.publish(app, "dev");
    Reply woken = watching.get();
    long millis = (System.nanoTime() - published) / 1_000_000;

    assertEquals(200, woken.status(), woken::toString);
    assertEquals("b", woken.json().getString("mode"));
    assertEquals("2", woken.header("X-Setpoint-Release"));
    assertTrue(millis < 1000, "woken " + millis + " ms after the publish");
  }

  @Test
  void aWatcherTimesOutWith304() {
    String app = client.newApplication("idle");
    client.define(app, "mode", "string", "\"a\"");
    String tag = "\"" + client.publish(app, "dev").getString("hash") + "\"";
    long start = System.nanoTime();
    Reply reply = client.get(config(app, "dev") + "?wait=1", "If-None-Match", tag);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(304, reply.status(), reply::toString);
    assertEquals(tag, reply.etag());
    assertTrue(millis >= 900 && millis < 5000, "answered after " + millis + " ms");
  }

  @Test
  void aReleaseWrittenByAnotherServerReachesCachesAndWatchersThroughTheChangeLog()
      throws Exception {
    String app = client.newApplication("peer");
    client.define(app, "mode", "string", "\"one\"");
    String firstHash = client.publish(app, "dev").getString("hash");
    client.override(app, "dev", "mode", "\"two\"");
    String secondTag = "\"" + client.publish(app, "dev").getString("hash") + "\"";
    assertEquals("two", client.get(config(app, "dev")).json().getString("mode"), "cached");

    CompletableFuture<Reply> watching =
        CompletableFuture.supplyAsync(
            () -> client.get(config(app, "dev") + "?wait=30", "If-None-Match", secondTag));
    awaitWatching(watching);
    long written = System.nanoTime();
    publishAsAnotherServerWould(app, 3, 1);
    Reply woken = watching.get();
    long millis = (System.nanoTime() - written) / 1_000_000;

    assertEquals(200, woken.status(), woken::toString);
    assertEquals("\"" + firstHash + "\"", woken.etag());
    assertEquals("one", woken.json().getString("mode"));
    assertTrue(millis < 1500, "seen " + millis + " ms after the other server's commit");
    assertEquals("one", client.get(config(app, "dev")).json().getString("mode"));
  }

  @Test
  void consumersShowWhichInstanceWasServedWhichRelease() {
    String app = client.newApplication("seen");
    client.define(app, "v", "integer", "1");
    client.publish(app, "dev");
    client.get(config(app, "dev"), "X-Setpoint-Instance", "web-1");
    client.get(config(app, "dev"), "X-Setpoint-Instance", "worker-1");
    client.override(app, "dev", "v", "2");
    client.publish(app, "dev");
    client.get(config(app, "dev"), "X-Setpoint-Instance", "web-1");

    Reply consumers = client.get(SetpointClient.env(app, "dev") + "/consumers");
    assertEquals(200, consumers.status(), consumers::toString);
    assertEquals(2, consumers.items().size(), consumers::toString);
    JsonObject web = consumers.items().getJsonObject(0);
    assertEquals("web-1", web.getString("instance"));
    assertEquals(2, web.getInt("releaseNumber"));
    assertTrue(web.getBoolean("current"));
    assertTrue(Instant.parse(web.getString("lastSeenAt")).isAfter(Instant.now().minusSeconds(60)));
    JsonObject worker = consumers.items().getJsonObject(1);
    assertEquals("worker-1", worker.getString("instance"));
    assertEquals(1, worker.getInt("releaseNumber"));
    assertFalse(worker.getBoolean("current"));
    assertTrue(
        client.get(SetpointClient.env(app, "staging") + "/consumers").items().isEmpty(),
        "other environments saw nobody");
  }

  @Test
  void aRotatedSecretsPreviousVersionIsRetiredOnceNoRunningInstanceUsesIt() throws Exception {
    String app = client.newApplication("early");
    client.writeSecret(app, "dev", "api.token", "first-" + UUID.randomUUID());
    client.publish(app, "dev");
    client.get(config(app, "dev"), "X-Setpoint-Instance", "api-1");

    String secret = SetpointClient.env(app, "dev") + "/secrets/api.token";
    Reply rotated =
        client.post(
            secret + "/rotate",
            Json.createObjectBuilder()
                .add("value", "second-" + UUID.randomUUID())
                .build()
                .toString());
    assertEquals(200, rotated.status(), rotated::toString);
    client.publish(app, "dev");
    assertEquals("previous", versionState(secret, 1));

    // api-1 still runs on release 1, which pins version 1: the grace period holds
    Thread.sleep(7000);
    assertEquals("previous", versionState(secret, 1), "in use by api-1");

    client.get(config(app, "dev"), "X-Setpoint-Instance", "api-1");
    Await.until(() -> "retired".equals(versionState(secret, 1)), Duration.ofSeconds(20));
    assertEquals("retired", versionState(secret, 1), "nobody uses version 1 any more");
    assertEquals("current", versionState(secret, 2));
  }

  private String versionState(String secret, int number) {
    return client.get(secret).json().getJsonArray("versions").getValuesAs(JsonObject.class).stream()
        .filter(v -> v.getInt("version") == number)
        .findFirst()
        .orElseThrow()
        .getString("state");
  }

  @Test
  void ifNoneMatchIsComparedWeaklyAndTakesListsAndStar() {
    String app = client.newApplication("inm");
    client.define(app, "x", "string", "\"1\"");
    String hash = client.publish(app, "dev").getString("hash");
    for (String header : List.of("W/\"" + hash + "\"", "\"older\", \"" + hash + "\"", "*")) {
      Reply reply = client.get(config(app, "dev"), "If-None-Match", header);
      assertEquals(304, reply.status(), header);
    }
    assertEquals(200, client.get(config(app, "dev"), "If-None-Match", "\"older\"").status());
  }

  @Test
  void deletingAPinnedSecretChangesTheTagAndWakesWatchers() throws Exception {
    String app = client.newApplication("del");
    client.define(app, "x", "string", "\"1\"");
    String value = "canary-" + UUID.randomUUID();
    client.writeSecret(app, "dev", "api.key", value);
    String tag = "\"" + client.publish(app, "dev").getString("hash") + "\"";
    assertEquals(value, client.get(config(app, "dev")).json().getString("api.key"));

    CompletableFuture<Reply> watching =
        CompletableFuture.supplyAsync(
            () -> client.get(config(app, "dev") + "?wait=30", "If-None-Match", tag));
    awaitWatching(watching);
    String secret = SetpointClient.env(app, "dev") + "/secrets/api.key";
    assertEquals(200, client.delete(secret).status());

    Reply woken = watching.get();
    assertEquals(200, woken.status(), woken::toString);
    assertFalse(woken.json().containsKey("api.key"), "a deleted secret is not served");
    assertFalse(tag.equals(woken.etag()), "what is served changed, so does its tag");

    assertEquals(200, client.post(secret + "/recover", "{}").status());
    Reply recovered = client.get(config(app, "dev"));
    assertEquals(value, recovered.json().getString("api.key"));
    assertEquals(tag, recovered.etag(), "the release as published again");
  }

  /** Waits until the server holds the watch while the request is still open. */
  private void awaitWatching(CompletableFuture<Reply> watching) throws InterruptedException {
    client.awaitWatching();
    assertFalse(watching.isDone(), "the watch is held while nothing changes");
  }

  @Test
  void aCallerWhoCannotSeeAnApplicationCannotLearnWhatItHas() {
    String mine = client.newApplication("mine");
    client.publish(mine, "dev");
    String theirs = client.newApplication("theirs");
    client.publish(theirs, "production");
    String missing = SetpointClient.uniqueSlug("missing");
    SetpointClient token = client.withToken(client.issueToken(mine, "dev"));
    SetpointClient stranger = client.newPerson("stranger", "viewer", mine);

    for (SetpointClient caller : List.of(token, stranger)) {
      Reply noApplication = caller.get(config(missing, "production"));
      JsonObject expected = assertProblem(noApplication, 404, "not-found");
      String detail = expected.getString("detail").replace(missing, theirs);
      for (String env : List.of("production", "staging", "no-such-env")) {
        Reply reply = caller.get(config(theirs, env));
        JsonObject problem = assertProblem(reply, 404, "not-found");
        assertEquals(detail, problem.getString("detail"), env + ": " + reply);
        assertEquals(noApplication.headerNames(), reply.headerNames(), env);
      }
    }
  }

  @Test
  void badDeliveryRequestsAreProblemsNamingTheField() {
    String app = client.newApplication("bad");
    client.define(app, "v", "integer", "1");
    assertProblem(client.get(config(app, "dev")), 404, "not-found");
    client.publish(app, "dev");
    assertFieldErrors(client.get(config(app, "dev") + "?format=yaml"), "format");
    assertFieldErrors(client.get(config(app, "dev") + "?wait=61"), "wait");
    assertFieldErrors(client.get(config(app, "dev") + "?wait=soon"), "wait");
    assertFieldErrors(
        client.get(config(app, "dev"), "X-Setpoint-Instance", "bad id with spaces"),
        "X-Setpoint-Instance");
    assertProblem(client.get(config("no-such-app", "dev")), 404, "not-found");
    assertProblem(client.get(config(app, "nowhere")), 404, "not-found");
  }

  /**
   * Writes release {@code number} of {@code app}/dev with the content of release {@code from}
   * straight into the database, plus its change-log entry, as a Setpoint server sharing the
   * database would: this server only learns of it through its poll.
   */
  private static void publishAsAnotherServerWould(String app, int number, int from)
      throws SQLException, IOException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection db = StoredData.connect()) {
      db.setAutoCommit(false);
      String environment;
      try (PreparedStatement find =
          db.prepareStatement(
              "select e.id from environments e join applications a on e.application_id = a.id"
                  + " where a.slug = ? and e.slug = 'dev'")) {
        find.setString(1, app);
        var rows = find.executeQuery();
        rows.next();
        environment = rows.getString(1);
      }
      try (PreparedStatement copy =
          db.prepareStatement(
              "insert into releases (id, environment_id, release_number, content_hash, message,"
                  + " created_by, content, rolled_back_from, version, created_at, updated_at)"
                  + " select ?, environment_id, ?, content_hash, 'from a peer', created_by,"
                  + " content, null, 0, ?, ? from releases"
                  + " where environment_id = ? and release_number = ?")) {
        copy.setObject(1, UUID.randomUUID());
        copy.setInt(2, number);
        copy.setTimestamp(3, now);
        copy.setTimestamp(4, now);
        copy.setObject(5, UUID.fromString(environment));
        copy.setInt(6, from);
        assertEquals(1, copy.executeUpdate());
      }
      try (PreparedStatement change =
          db.prepareStatement(
              "insert into delivery_changes (environment_id, changed_at) values (?, ?)")) {
        change.setObject(1, UUID.fromString(environment));
        change.setTimestamp(2, now);
        change.executeUpdate();
      }
      db.commit();
    }
  }
}
