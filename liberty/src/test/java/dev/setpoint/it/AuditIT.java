package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: what is recorded and by whom, tamper evidence, appends under concurrency on two
 * servers, fail-closed writes, queries, export and pruning.
 */
class AuditIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String query(String... pairs) {
    StringBuilder text = new StringBuilder("/api/v1/audit?limit=500");
    for (int i = 0; i < pairs.length; i += 2) {
      text.append('&')
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private List<JsonObject> events(SetpointClient client, String... filters) {
    Reply reply = client.get(query(filters));
    assertEquals(200, reply.status(), reply::toString);
    return reply.items().getValuesAs(JsonObject.class);
  }

  private static Predicate<JsonObject> action(String action, String outcome) {
    return e -> e.getString("action").equals(action) && e.getString("outcome").equals(outcome);
  }

  private static JsonObject only(List<JsonObject> events, Predicate<JsonObject> which) {
    List<JsonObject> found = events.stream().filter(which).toList();
    assertEquals(1, found.size(), () -> "expected one matching event in " + events);
    return found.get(0);
  }

  private JsonObject verify() {
    Reply reply = admin.get("/api/v1/audit/verify");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static void assertVerifies(JsonObject verification) {
    assertTrue(verification.getBoolean("ok"), verification::toString);
    assertFalse(verification.containsKey("firstBrokenSequence"), verification::toString);
  }

  @Test
  void aChangeIsRecordedWithItsActorTargetRequestIdAndAddress() {
    String requestId = "audit-it-" + UUID.randomUUID();
    String app = SetpointClient.uniqueSlug("audit");
    assertEquals(201, admin.createApplication(app, "Audited").status());
    assertEquals(
        201, admin.createEnvironment(app, "qa", false).status(), "a second change to audit");
    Reply defined = admin.define(app, "FEATURE_X", "boolean", "true", "X-Request-Id", requestId);
    assertEquals(201, defined.status(), defined::toString);

    List<JsonObject> events = events(admin, "application", app);
    JsonObject created = only(events, action("application.create", "success"));
    assertEquals("admin", created.getString("actor"));
    assertEquals(app, created.getJsonObject("target").getString("application"));
    JsonObject environment = only(events, action("environment.create", "success"));
    assertEquals("qa", environment.getJsonObject("target").getString("environment"));
    JsonObject define = only(events, action("setting.define", "success"));
    assertEquals(requestId, define.getString("requestId"));
    assertEquals("FEATURE_X", define.getJsonObject("target").getString("key"));
    assertFalse(define.getString("clientAddress").isBlank());
    assertTrue(define.getString("hash").matches("[0-9a-f]{64}"), define::toString);
    // newest first, gap-free between this test's own events is not promised (others interleave)
    assertTrue(
        define.getJsonNumber("sequence").longValue()
            > created.getJsonNumber("sequence").longValue());
  }

  @Test
  void revealsRefusalsAndTokenUseNameTheRightActorAndNeverAValue() throws Exception {
    String app = admin.newApplication("audit-sec");
    String value = "canary-" + UUID.randomUUID();
    admin.writeSecret(app, "staging", "DB_PASSWORD", value);
    admin.publish(app, "staging");
    Reply revealed =
        admin.post(SetpointClient.env(app, "staging") + "/secrets/DB_PASSWORD/reveal", "");
    assertEquals(200, revealed.status(), revealed::toString);

    SetpointClient viewer = admin.newPerson("audit-viewer", "viewer", app);
    String viewerName = viewer.get("/api/v1/whoami").json().getString("name");
    Reply refused =
        viewer.post(SetpointClient.env(app, "staging") + "/secrets/DB_PASSWORD/reveal", "");
    assertEquals(403, refused.status(), refused::toString);

    String token = admin.issueToken(app, "staging");
    SetpointClient application = admin.withToken(token);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, application.get(SetpointClient.config(app, "staging")).status());
    }
    // from an address of its own (loopback is a trusted proxy here): its failure budget is fresh
    String address = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ".7";
    Reply wrongToken =
        admin.withToken("stp_" + "A".repeat(43)).get("/api/v1/whoami", "X-Forwarded-For", address);
    assertEquals(401, wrongToken.status(), wrongToken::toString);

    JsonObject reveal = only(events(admin, "application", app), action("secret.reveal", "success"));
    assertEquals("admin", reveal.getString("actor"));
    assertEquals("DB_PASSWORD", reveal.getJsonObject("target").getString("key"));
    assertEquals(1, reveal.getJsonObject("target").getInt("version"));

    JsonObject denied = only(events(admin, "application", app), action("access.reveal", "denied"));
    assertEquals(viewerName, denied.getString("actor"));
    assertTrue(denied.getString("detail").contains("editor"), denied::toString);

    // deliveries are counted in memory and appended by a background flush (1 s in these tests)
    // a flush may land between the three reads: wait until every read is counted
    List<JsonObject> reads =
        Await.value(
            () ->
                events(admin, "application", app, "action", "delivery.read").stream()
                    .filter(e -> e.getString("actor").startsWith("token:"))
                    .toList(),
            found -> found.stream().mapToInt(AuditIT::deliveries).sum() >= 3,
            Duration.ofSeconds(15));
    assertFalse(reads.isEmpty(), "the token's deliveries were audited");
    JsonObject read = reads.get(0);
    assertEquals("success", read.getString("outcome"));
    assertEquals("staging", read.getJsonObject("target").getString("environment"));
    assertTrue(read.getString("detail").contains("deliveries"), read::toString);
    assertTrue(reads.stream().mapToInt(e -> deliveries(e)).sum() >= 3, reads::toString);

    JsonObject signIn =
        only(
            events(admin, "action", "auth.sign-in", "outcome", "denied"),
            e -> address.equals(e.getString("clientAddress", null)));
    assertEquals("anonymous", signIn.getString("actor"), "a bad token is a denied sign-in");

    // no value, no token anywhere: not in the events, not in the export, not in the logs
    String export = admin.get("/api/v1/audit/export?application=" + app).body();
    String all = admin.get(query("application", app)).body();
    for (String text : List.of(export, all, logs())) {
      assertFalse(text.contains(value), "a secret value leaked into the audit trail or the logs");
      assertFalse(text.contains(token), "a service token leaked into the audit trail or the logs");
    }
    // ...while every event also went to the log stream as a JSON line
    assertTrue(logs().contains(reveal.getString("hash")), "the event's line for a SIEM");
  }

  private static int deliveries(JsonObject event) {
    return Integer.parseInt(event.getString("detail").split(" ")[0]);
  }

  private static String logs() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(TestServer.logsDirectory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  @Test
  void peopleSeeOnlyTheEventsOfApplicationsTheyCanSee() {
    String mine = admin.newApplication("audit-mine");
    String hidden = admin.newApplication("audit-hidden");
    SetpointClient viewer = admin.newPerson("audit-own", "viewer", mine);

    assertFalse(events(viewer, "application", mine).isEmpty());
    assertTrue(events(viewer, "application", hidden).isEmpty(), "not an event of another app");
    assertTrue(events(viewer, "action", "user.create").isEmpty(), "platform events are for admins");
    assertFalse(events(admin, "action", "user.create").isEmpty());
    assertEquals(403, viewer.get("/api/v1/audit/verify").status());
    String token = admin.issueToken(mine, "staging");
    assertEquals(403, admin.withToken(token).get("/api/v1/audit").status());
  }

  @Test
  void filtersCombineAndCursorsPageThroughEverything() {
    String app = admin.newApplication("audit-page");
    for (int i = 0; i < 7; i++) {
      assertEquals(201, admin.define(app, "KEY_" + i, "string", "\"v\"").status());
    }
    Instant between = Instant.now();
    admin.override(app, "staging", "KEY_0", "\"w\"");

    List<Long> sequences = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          admin.get(
              "/api/v1/audit?limit=3&application="
                  + app
                  + "&action=setting.define"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page::toString);
      page.items()
          .getValuesAs(JsonObject.class)
          .forEach(e -> sequences.add(e.getJsonNumber("sequence").longValue()));
      cursor = page.json().containsKey("nextCursor") ? page.json().getString("nextCursor") : null;
    } while (cursor != null);
    assertEquals(7, sequences.size(), sequences::toString);
    for (int i = 1; i < sequences.size(); i++) {
      assertTrue(sequences.get(i) < sequences.get(i - 1), "newest first, no repeats");
    }

    List<JsonObject> later = events(admin, "application", app, "from", between.toString());
    assertTrue(later.stream().allMatch(action("setting.override", "success")), later::toString);
    assertEquals(1, events(admin, "application", app, "environment", "staging").size());
    assertTrue(events(admin, "application", app, "outcome", "denied").isEmpty());

    Map<String, String> refused =
        Map.of(
            "action", "action=secret.steal",
            "outcome", "outcome=maybe",
            "from", "from=yesterday",
            "to", "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
            "cursor", "cursor=bm90LWEtY3Vyc29y");
    refused.forEach(
        (field, bad) -> {
          Reply reply = admin.get("/api/v1/audit?" + bad);
          assertProblem(reply, 400, "validation");
          assertTrue(reply.body().contains("\"" + field + "\""), reply::toString);
        });
  }

  @Test
  void theExportIsJsonLinesOldestFirst() {
    String app = admin.newApplication("audit-export");
    admin.define(app, "A", "string", "\"a\"");
    admin.define(app, "B", "string", "\"b\"");
    Reply export = admin.get("/api/v1/audit/export?application=" + app);
    assertEquals(200, export.status(), export::toString);
    assertTrue(export.contentType().startsWith("application/jsonl"), export::toString);
    List<JsonObject> lines =
        export
            .body()
            .lines()
            .map(l -> Json.createReader(new StringReader(l)).readObject())
            .toList();
    assertEquals(
        List.of("application.create", "setting.define", "setting.define"),
        lines.stream().map(e -> e.getString("action")).toList());
    assertTrue(
        lines.get(0).getJsonNumber("sequence").longValue()
            < lines.get(2).getJsonNumber("sequence").longValue());
  }

  @Test
  void anUpdatedOrDeletedEventIsFoundByVerify() throws Exception {
    String app = admin.newApplication("audit-tamper");
    long sequence =
        only(events(admin, "application", app), action("application.create", "success"))
            .getJsonNumber("sequence")
            .longValue();
    assertVerifies(verify());
    try (Connection db = StoredData.connect()) {
      Map<String, Column> row = row(db, sequence);

      try (PreparedStatement update =
          db.prepareStatement("update audit_events set actor = ? where sequence = ?")) {
        update.setString(1, "someone-else");
        update.setLong(2, sequence);
        assertEquals(1, update.executeUpdate());
      }
      JsonObject updated = verify();
      assertFalse(updated.getBoolean("ok"));
      assertEquals(sequence, updated.getJsonNumber("firstBrokenSequence").longValue());

      try (PreparedStatement delete =
          db.prepareStatement("delete from audit_events where sequence = ?")) {
        delete.setLong(1, sequence);
        assertEquals(1, delete.executeUpdate());
      }
      JsonObject deleted = verify();
      assertFalse(deleted.getBoolean("ok"));
      assertEquals(sequence, deleted.getJsonNumber("firstBrokenSequence").longValue());

      restore(db, row);
    }
    assertVerifies(verify());
  }

  /** A stored row: each column's value and SQL type, in table order. */
  private record Column(Object value, int type) {}

  private static Map<String, Column> row(Connection db, long sequence) throws Exception {
    try (PreparedStatement select =
        db.prepareStatement("select * from audit_events where sequence = ?")) {
      select.setLong(1, sequence);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next());
        ResultSetMetaData columns = rows.getMetaData();
        Map<String, Column> row = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          row.put(
              columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT),
              new Column(rows.getObject(i), columns.getColumnType(i)));
        }
        return row;
      }
    }
  }

  private static void restore(Connection db, Map<String, Column> row) throws Exception {
    String sql =
        "insert into audit_events ("
            + String.join(", ", row.keySet())
            + ") values ("
            + String.join(", ", row.keySet().stream().map(k -> "?").toList())
            + ")";
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      int i = 1;
      for (Column column : row.values()) {
        if (column.value() == null) {
          insert.setNull(i++, column.type());
        } else {
          insert.setObject(i++, column.value());
        }
      }
      assertEquals(1, insert.executeUpdate());
    }
  }

  @Test
  void eightConcurrentWritersOnTwoServersLeaveOneGapFreeChain() throws Exception {
    SetpointClient peer = new SetpointClient(System.getProperty("setpoint.it.peerUrl"));
    long before = headSequence();
    int writers = 8;
    List<String> apps = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String app = admin.newApplication("audit-race");
      admin.define(app, "COUNTER", "integer", "0");
      apps.add(app);
    }
    long start = headSequence();
    AtomicInteger written = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> running = new ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      for (int w = 0; w < writers; w++) {
        SetpointClient client = w % 2 == 0 ? admin : peer;
        String app = apps.get(w);
        running.add(
            pool.submit(
                () -> {
                  int n = 0;
                  // at least a few writes each, however slow the machine, and more while time lasts
                  while (n < 3 || System.nanoTime() < until) {
                    Reply put = client.override(app, "staging", "COUNTER", Integer.toString(n++));
                    assertTrue(put.status() == 200 || put.status() == 201, put::toString);
                    written.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> writer : running) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(written.get() > writers, "the writers wrote");
    assertTrue(start > before);

    try (Connection db = StoredData.connect();
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select sequence from audit_events where sequence > "
                    + start
                    + " order by sequence")) {
      long expected = start + 1;
      while (rows.next()) {
        assertEquals(expected, rows.getLong(1), "the sequence has no gap");
        expected++;
      }
      assertTrue(expected - start - 1 >= written.get(), "one event per write, at least");
    }
    try (Connection db = StoredData.connect();
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from audit_events where application = ? and action = ?")) {
      long mine = 0;
      for (String app : apps) {
        count.setString(1, app);
        count.setString(2, "setting.override");
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          mine += rows.getLong(1);
        }
      }
      assertEquals(written.get(), mine, "every write has exactly one event");
    }
    assertVerifies(verify());
  }

  private long headSequence() throws Exception {
    try (Connection db = StoredData.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select sequence from audit_head where id = 1")) {
      assertTrue(rows.next());
      return rows.getLong(1);
    }
  }

  @Test
  void aChangeWhoseAuditWriteFailsIsNotMade() throws Exception {
    String app = admin.newApplication("audit-fail");
    String env = SetpointClient.uniqueSlug("doomed");
    String constraint = "ck_it_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection db = StoredData.connect();
        Statement statement = db.createStatement()) {
      // the database refuses this one event: as a full disk or a revoked grant would
      statement.execute(
          "alter table audit_events add constraint "
              + constraint
              + " check (environment is null or environment <> '"
              + env
              + "')");
      try {
        Reply created = admin.createEnvironment(app, env, false);
        assertProblem(created, 503, "unavailable");
        assertTrue(created.body().contains("audit trail"), created::toString);
      } finally {
        statement.execute("alter table audit_events drop constraint " + constraint);
      }
    }
    assertEquals(404, admin.get(SetpointClient.env(app, env)).status(), "the change rolled back");
    assertTrue(
        events(admin, "application", app, "environment", env).isEmpty(), "and left no event");
    assertEquals(201, admin.createEnvironment(app, env, false).status(), "works again");
    assertVerifies(verify());
  }

  @Test
  void pruningArchivesOldEventsAndKeepsACheckpointThatVerifies() throws Exception {
    String app = admin.newApplication("audit-prune");
    admin.define(app, "OLD", "string", "\"o\"");
    // the cut: just after the old event (times are kept to the microsecond), before the new one
    Instant cut =
        events(admin, "application", app).stream()
            .filter(e -> "OLD".equals(key(e)))
            .map(e -> Instant.parse(e.getString("at")).plusNanos(1000))
            .findFirst()
            .orElseThrow();
    admin.define(app, "NEW", "string", "\"n\"");

    Reply future = admin.post("/api/v1/audit/prune", "{\"before\":\"2999-01-01T00:00:00Z\"}");
    assertProblem(future, 400, "validation");
    assertTrue(future.body().contains("\"before\""), future::toString);
    SetpointClient viewer = admin.newPerson("audit-pruner", "admin", app);
    assertEquals(
        403,
        viewer.post("/api/v1/audit/prune", "{\"before\":\"" + cut + "\"}").status(),
        "platform admins only");

    Reply pruned = admin.post("/api/v1/audit/prune", "{\"before\":\"" + cut + "\"}");
    assertEquals(200, pruned.status(), pruned::toString);
    long checkpoint = pruned.json().getJsonNumber("checkpointSequence").longValue();
    assertTrue(pruned.json().getJsonNumber("pruned").longValue() > 0, pruned::toString);

    List<JsonObject> left = events(admin, "application", app);
    assertTrue(left.stream().noneMatch(e -> "OLD".equals(key(e))), "the old event is pruned");
    assertTrue(left.stream().anyMatch(e -> "NEW".equals(key(e))), "the newer one is kept");
    assertTrue(left.stream().allMatch(e -> e.getJsonNumber("sequence").longValue() > checkpoint));

    Path archive = Path.of(pruned.json().getString("archive"));
    String archived = Files.readString(archive);
    assertTrue(archived.lines().anyMatch(l -> l.contains("\"key\":\"OLD\"")), "archived");
    assertTrue(
        archived.lines().reduce((a, b) -> b).orElseThrow().contains("\"sequence\":" + checkpoint),
        "the archive ends at the checkpoint");

    assertVerifies(verify());
    assertFalse(events(admin, "action", "audit.prune").isEmpty(), "the prune is itself audited");
  }

  private static String key(JsonObject event) {
    JsonObject target = event.getJsonObject("target");
    return target.containsKey("key") ? target.getString("key") : null;
  }

  @Test
  void theHeadIsWrittenToTheLogStreamOnASchedule() throws Exception {
    String[] verified = new String[1];
    boolean logged =
        Await.until(
            () -> {
              verified[0] = verify().getString("verifiedHash");
              String lines;
              try {
                lines = logs();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return lines.contains("audit.head") && lines.contains(verified[0]);
            },
            Duration.ofSeconds(20));
    assertNotNull(verified[0]);
    assertTrue(logged, "no audit.head line with the head hash " + verified[0] + " was logged");
  }
}
