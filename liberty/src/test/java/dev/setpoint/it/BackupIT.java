package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.PostgresBackup;
import dev.setpoint.it.support.PostgresServer;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backups whose restore is tested, as docs/backups.md tells an operator to take them. H2: the
 * online backup endpoint while the server serves, then the ZIP unpacked into a fresh data directory
 * and Setpoint started on it. PostgreSQL: WAL archiving and a base backup of the live cluster with
 * the build's binaries, then a fresh cluster restored to a point in time between later writes, and
 * Setpoint started on it. Either way every setting, secret (revealed with the same master key),
 * release and audit event written before the backup (or the point) is there, nothing written after
 * it is, and {@code /audit/verify} is ok. The server under test is put back on its own database
 * afterwards.
 */
class BackupIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void anOnlineH2BackupRestoresIntoAFreshDataDirectory() throws Exception {
    assumeTrue("h2".equals(TestServer.database()), "the online backup is H2's");
    Written before = write("h2-backup");
    long started = System.nanoTime();
    Reply taken = admin.post("/api/v1/system/backups", "{}");
    long backupMillis = millisSince(started);
    assertEquals(200, taken.status(), taken::toString);
    Path zip = Path.of(taken.json().getString("file"));
    assertTrue(Files.isRegularFile(zip), zip::toString);
    assertEquals(Files.size(zip), taken.json().getJsonNumber("bytes").longValue());
    assertEquals("rw-------", permissions(zip), "the backup is for its owner only");
    Reply audited = admin.get("/api/v1/audit?limit=500&action=database.backup");
    assertTrue(
        audited.items().getValuesAs(JsonObject.class).stream()
            .anyMatch(e -> e.getString("detail", "").contains(zip.getFileName().toString())),
        audited::toString);
    String laterApp = admin.newApplication("h2-after");

    Path restored = Files.createTempDirectory(TestServer.serverDirectory(), "restored-");
    Path bootstrap = TestServer.serverDirectory().resolve("bootstrap.properties");
    List<String> original = Files.readAllLines(bootstrap, StandardCharsets.UTF_8);
    String url = value(original, "SETPOINT_DB_URL");
    try {
      started = System.nanoTime();
      unzip(zip, restored);
      String restoredUrl =
          "jdbc:h2:file:" + restored.resolve("setpoint") + url.substring(url.indexOf(';'));
      restartOn(
          bootstrap,
          original,
          restoredUrl,
          "online backup " + Files.size(zip) + " bytes",
          backupMillis,
          millisSince(started));

      before.assertAllThere(admin);
      assertEquals(404, admin.get(SetpointClient.app(laterApp)).status(), "written after: absent");
    } finally {
      Files.write(bootstrap, original, StandardCharsets.UTF_8);
      TestServer.restart();
      deleteTree(restored);
    }
    assertEquals(200, admin.get(SetpointClient.app(laterApp)).status(), "back on its own data");
  }

  @Test
  void aPostgresBaseBackupWithArchivedWalRestoresToAPointInTime() throws Exception {
    assumeTrue("postgresql".equals(TestServer.database()), "WAL archiving is PostgreSQL's");
    Path serverEnv = Path.of(System.getProperty("setpoint.it.serverEnv"));
    PostgresBackup database = PostgresBackup.ofBuild(serverEnv);
    Path envFile = TestServer.serverDirectory().resolve("server.env");
    List<String> original = Files.readAllLines(envFile, StandardCharsets.UTF_8);
    Path base = null;
    PostgresServer restored = null;
    database.startArchiving();
    try {
      Written first = write("pg-base");
      long started = System.nanoTime();
      base = database.baseBackup();
      long backupMillis = millisSince(started);
      // written after the base backup: only the archived WAL brings it back
      Written second = write("pg-wal");
      String point = database.pointInTime();
      String afterPoint = admin.newApplication("pg-after");
      database.archiveCurrentSegment();

      started = System.nanoTime();
      restored = database.restore(base, point, freePort());
      restartOn(
          envFile,
          original,
          PostgresBackup.url(restored.port()),
          "base backup " + PostgresBackup.size(base) + " bytes",
          backupMillis,
          millisSince(started));

      first.assertAllThere(admin);
      second.assertAllThere(admin);
      assertEquals(404, admin.get(SetpointClient.app(afterPoint)).status(), "after the point");
    } finally {
      Files.write(envFile, original, StandardCharsets.UTF_8);
      TestServer.restart();
      database.stopArchiving();
      database.discard(restored, base == null ? new Path[0] : new Path[] {base});
    }
  }

  @Test
  void aPostgresLogicalDumpRestoresIntoAFreshCluster() throws Exception {
    assumeTrue("postgresql".equals(TestServer.database()), "pg_dump is PostgreSQL's");
    Path serverEnv = Path.of(System.getProperty("setpoint.it.serverEnv"));
    PostgresBackup database = PostgresBackup.ofBuild(serverEnv);
    Optional<Path> pgDump = database.dumpTool();
    assumeTrue(
        pgDump.isPresent(),
        () ->
            "no pg_dump and pg_restore of PostgreSQL "
                + majorOf(database)
                + " or newer on this machine (the build's binaries ship none): install"
                + " postgresql-client, as .ci/run does, to run the logical backup test");
    Path envFile = TestServer.serverDirectory().resolve("server.env");
    List<String> original = Files.readAllLines(envFile, StandardCharsets.UTF_8);
    Path dump = null;
    PostgresServer restored = null;
    try {
      Written before = write("pg-dump");
      long started = System.nanoTime();
      dump = database.logicalDump(pgDump.get());
      long backupMillis = millisSince(started);
      String after = admin.newApplication("pg-after-dump");

      started = System.nanoTime();
      restored = database.restoreLogical(pgDump.get(), dump, freePort());
      restartOn(
          envFile,
          original,
          PostgresBackup.url(restored.port()),
          "pg_dump " + Files.size(dump) + " bytes",
          backupMillis,
          millisSince(started));

      before.assertAllThere(admin);
      assertEquals(404, admin.get(SetpointClient.app(after)).status(), "written after the dump");
    } finally {
      Files.write(envFile, original, StandardCharsets.UTF_8);
      TestServer.restart();
      database.discard(restored, dump == null ? new Path[0] : new Path[] {dump});
    }
  }

  private static String majorOf(PostgresBackup database) {
    try {
      return String.valueOf(database.serverMajor());
    } catch (java.sql.SQLException e) {
      return "(unknown)";
    }
  }

  @Test
  void onPostgresTheOnlineBackupIsRefusedAndNamesTheTools() {
    assumeTrue("postgresql".equals(TestServer.database()), "H2 takes it");
    Reply refused = admin.post("/api/v1/system/backups", "{}");
    assertProblem(refused, 409, "conflict");
    assertTrue(refused.json().getString("detail").contains("pg_dump"), refused::toString);
  }

  @Test
  void onlyPlatformAdminsTakeBackups() {
    String app = admin.newApplication("backup-access");
    SetpointClient appAdmin = admin.newPerson("backup-admin", "admin", app);
    assertProblem(appAdmin.post("/api/v1/system/backups", "{}"), 403, "forbidden");
    assertEquals(401, admin.anonymous().post("/api/v1/system/backups", "{}").status());
  }

  /** What one application holds before a backup, and how to find all of it again. */
  private record Written(String app, String secret, int release, List<String> auditEvents) {

    void assertAllThere(SetpointClient client) {
      assertEquals(
          50,
          client.get(SetpointClient.override(app, "staging", "POOL_SIZE")).json().getInt("value"));
      assertEquals(10, client.get(SetpointClient.setting(app, "POOL_SIZE")).json().getInt("value"));
      Reply revealed =
          client.post(SetpointClient.env(app, "staging") + "/secrets/DB_PASSWORD/reveal", "{}");
      assertEquals(200, revealed.status(), revealed::toString);
      assertEquals(secret, revealed.json().getString("value"), "the same master key opens it");
      Reply published = client.get(SetpointClient.releases(app, "staging") + "/" + release);
      assertEquals(200, published.status(), published::toString);
      List<String> events = events(client, app);
      assertTrue(
          events.containsAll(auditEvents),
          () -> "audit events of " + app + ": " + auditEvents + " not all in " + events);
      JsonObject verified = client.get("/api/v1/audit/verify").json();
      assertTrue(verified.getBoolean("ok"), verified::toString);
    }
  }

  private Written write(String prefix) {
    String app = admin.newApplication(prefix);
    assertEquals(201, admin.define(app, "POOL_SIZE", "integer", "10").status());
    assertEquals(201, admin.override(app, "staging", "POOL_SIZE", "50").status());
    String secret = "s-" + UUID.randomUUID();
    admin.writeSecret(app, "staging", "DB_PASSWORD", secret);
    int release = admin.publish(app, "staging").getInt("number");
    List<String> events = events(admin, app);
    assertTrue(events.size() >= 5, events::toString);
    return new Written(app, secret, release, events);
  }

  /** The audit events of one application, as sequence and hash. */
  private static List<String> events(SetpointClient client, String app) {
    Reply reply = client.get("/api/v1/audit?limit=500&application=" + app);
    assertEquals(200, reply.status(), reply::toString);
    List<String> found = new ArrayList<>();
    for (JsonObject event : reply.items().getValuesAs(JsonObject.class)) {
      found.add(event.getJsonNumber("sequence").longValue() + ":" + event.getString("hash"));
    }
    return found;
  }

  private static List<String> replaced(List<String> lines, String name, String value) {
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(name + "=")) {
        result.add(line);
      }
    }
    result.add(name + "=" + value);
    return result;
  }

  private static String value(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.startsWith(name + "="))
        .map(l -> l.substring(name.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not set"));
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        assertTrue(target.startsWith(into), entry::getName);
        Files.createDirectories(target.getParent());
        Files.copy(entries, target);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String permissions(Path file) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }

  /**
   * Points the server under test at the restored database ({@code SETPOINT_DB_URL} in {@code
   * config}), restarts it and reports the durations.
   */
  private static void restartOn(
      Path config,
      List<String> original,
      String url,
      String what,
      long backupMillis,
      long restoreMillis)
      throws Exception {
    Files.write(config, replaced(original, "SETPOINT_DB_URL", url), StandardCharsets.UTF_8);
    long started = System.nanoTime();
    TestServer.restart();
    report(TestServer.database(), what, backupMillis, restoreMillis, millisSince(started));
  }

  /** The durations docs/backups.md quotes, in the test's output. */
  private static void report(
      String database, String what, long backupMillis, long restoreMillis, long restartMillis) {
    System.out.printf(
        "[backup] %s: %s in %d ms; restored in %d ms; Setpoint restarted on it, ready in %d ms%n",
        database, what, backupMillis, restoreMillis, restartMillis);
  }
}
