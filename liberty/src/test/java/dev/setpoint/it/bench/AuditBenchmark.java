package dev.setpoint.it.bench;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditChain;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditRecord;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.Outcome;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the audit trail on a running server backed by PostgreSQL:
 *
 * <ol>
 *   <li>append throughput: threads (1, then 8) changing a setting over HTTP for a fixed time; each
 *       change appends one event, serialized on the chain's head, so events/s is the rate of
 *       audited changes the server sustains;
 *   <li>a million valid, chained events loaded straight into the table (so the chain still
 *       verifies), then the time of one filtered query page (by actor, by application, by action),
 *       of the next page by cursor, and of a full {@code verify}.
 * </ol>
 *
 * <p>Arguments: base URL, seconds per append phase, events to load. The database is reached with
 * {@code setpoint.it.serverEnv} (the {@code server.env} written by {@code PostgresServer}).
 */
public final class AuditBenchmark {

  private static final int ACTORS = 200;
  private static final int APPLICATIONS = 1000;

  private AuditBenchmark() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:9080";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    SetpointClient admin = signedIn(new SetpointClient(baseUrl));

    for (int threads : new int[] {1, 8}) {
      appendPhase(admin, threads, 2); // warm-up
      double rate = appendPhase(admin, threads, seconds);
      System.out.printf("append, %d thread(s): %.0f events/s%n", threads, rate);
    }

    long loadStart = System.nanoTime();
    load(events);
    System.out.printf(
        "loaded %d chained events in %.1f s%n", events, (System.nanoTime() - loadStart) / 1e9);
    // the planner's statistics, as autovacuum would refresh them after such a load
    try (Connection db = StoredData.connect();
        Statement statement = db.createStatement()) {
      statement.execute("analyze audit_events");
    }

    query(admin, "actor=bench-actor-7");
    query(admin, "application=bench-app-42");
    query(admin, "action=secret.reveal");
    query(admin, "application=bench-app-42&actor=bench-actor-42");

    long verifyStart = System.nanoTime();
    Reply verified = admin.get("/api/v1/audit/verify");
    System.out.printf(
        "verify: %.1f s, %s%n", (System.nanoTime() - verifyStart) / 1e9, verified.body());
  }

  /**
   * Signs in as a platform admin with a JWT when the server trusts a JWKS file this benchmark may
   * write ({@code setpoint.bench.jwks}, issuer {@code https://bench.setpoint.test}, audience {@code
   * setpoint-bench}, admin group {@code setpoint-admins}), as production callers do. Otherwise
   * every request pays for a PBKDF2 password check (HTTP Basic, about 50 ms here), which would be
   * measured instead of the audit trail.
   */
  private static SetpointClient signedIn(SetpointClient basic) throws Exception {
    String jwks = System.getProperty("setpoint.bench.jwks", "");
    if (jwks.isBlank()) {
      System.out.println("signed in with HTTP Basic (PBKDF2 on every request)");
      return basic;
    }
    org.jose4j.jwk.RsaJsonWebKey key = org.jose4j.jwk.RsaJwkGenerator.generateJwk(2048);
    key.setKeyId("bench-" + UUID.randomUUID());
    java.nio.file.Files.writeString(
        java.nio.file.Path.of(jwks),
        new org.jose4j.jwk.JsonWebKeySet(key)
            .toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
    claims.setIssuer("https://bench.setpoint.test");
    claims.setAudience("setpoint-bench");
    claims.setExpirationTimeMinutesInTheFuture(60);
    claims.setClaim("preferred_username", "bench-admin");
    claims.setStringListClaim("groups", List.of("setpoint-admins"));
    org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
    System.out.println("signed in with a JWT");
    return basic.as("Bearer " + jws.getCompactSerialization());
  }

  /** Events per second appended while {@code threads} clients change settings. */
  private static double appendPhase(SetpointClient admin, int threads, int seconds)
      throws Exception {
    List<String> apps = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String app = admin.newApplication("bench-audit");
      admin.define(app, "COUNTER", "integer", "0");
      apps.add(app);
    }
    long before = head();
    long start = System.nanoTime();
    long until = start + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (String app : apps) {
        running.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (System.nanoTime() < until) {
                    Reply put = admin.override(app, "staging", "COUNTER", Integer.toString(n++));
                    if (put.status() >= 300) {
                      throw new IllegalStateException("change failed: " + put);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return (head() - before) / elapsed;
  }

  private static long head() throws Exception {
    try (Connection db = StoredData.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select sequence from audit_head where id = 1")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Appends {@code count} events chained onto the head, holding the head's lock as the server does,
   * spread over {@value #ACTORS} actors and {@value #APPLICATIONS} applications.
   */
  private static void load(int count) throws Exception {
    AuditAction[] actions = {
      AuditAction.SETTING_OVERRIDE, AuditAction.SECRET_REVEAL, AuditAction.RELEASE_PUBLISH,
      AuditAction.DELIVERY_READ, AuditAction.SECRET_WRITE, AuditAction.ACCESS_REVEAL
    };
    UUID[] ids = new UUID[APPLICATIONS];
    Arrays.setAll(ids, i -> UUID.randomUUID());
    try (Connection db = StoredData.connect()) {
      db.setAutoCommit(false);
      try (Statement statement = db.createStatement()) {
        statement.executeUpdate("update audit_head set sequence = sequence where id = 1");
      }
      AuditChain.Position head;
      try (Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery("select sequence, hash from audit_head")) {
        rows.next();
        head = new AuditChain.Position(rows.getLong(1), rows.getString(2).trim());
      }
      Instant at = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
      String sql =
          "insert into audit_events (sequence, recorded_at, actor, action, application_id,"
              + " application, environment, target_key, target_version, outcome, client_address,"
              + " request_id, detail, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement insert = db.prepareStatement(sql)) {
        for (int i = 0; i < count; i++) {
          int app = i % APPLICATIONS;
          AuditAction action = actions[i % actions.length];
          AuditRecord record =
              new AuditRecord(
                  at.plusMillis(i),
                  "bench-actor-" + (i % ACTORS),
                  action,
                  new AuditTarget(ids[app], "bench-app-" + app, "production", "KEY_" + (i % 50), 1),
                  action == AuditAction.ACCESS_REVEAL ? Outcome.DENIED : Outcome.SUCCESS,
                  "10.0." + (i % 250) + ".1",
                  UUID.randomUUID().toString(),
                  null);
          AuditEvent event = AuditChain.next(head, record);
          head = AuditChain.Position.of(event);
          AuditTarget target = record.target();
          insert.setLong(1, event.sequence());
          insert.setTimestamp(2, Timestamp.from(record.at()));
          insert.setString(3, record.actor());
          insert.setString(4, action.wireName());
          insert.setObject(5, target.applicationId());
          insert.setString(6, target.application());
          insert.setString(7, target.environment());
          insert.setString(8, target.key());
          insert.setInt(9, target.version());
          insert.setString(10, record.outcome().wireName());
          insert.setString(11, record.clientAddress());
          insert.setString(12, record.requestId());
          insert.setNull(13, java.sql.Types.VARCHAR);
          insert.setString(14, event.hash());
          insert.addBatch();
          if (i % 5000 == 4999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      try (PreparedStatement move =
          db.prepareStatement("update audit_head set sequence = ?, hash = ? where id = 1")) {
        move.setLong(1, head.sequence());
        move.setString(2, head.hash());
        move.executeUpdate();
      }
      db.commit();
    }
  }

  /** Times the first page (50 events) of a filter and the page after it, 30 times each. */
  private static void query(SetpointClient admin, String filter) {
    long[] first = new long[30];
    long[] next = new long[30];
    for (int i = 0; i < first.length; i++) {
      long start = System.nanoTime();
      Reply page = admin.get("/api/v1/audit?limit=50&" + filter);
      first[i] = System.nanoTime() - start;
      if (page.status() != 200 || page.items().size() != 50) {
        throw new IllegalStateException("query failed: " + page);
      }
      String cursor = page.json().getString("nextCursor");
      start = System.nanoTime();
      Reply second = admin.get("/api/v1/audit?limit=50&" + filter + "&cursor=" + cursor);
      next[i] = System.nanoTime() - start;
      if (second.status() != 200) {
        throw new IllegalStateException("query failed: " + second);
      }
    }
    System.out.printf(
        "query %-45s first page %s, next page %s%n", filter, summary(first), summary(next));
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "median %.1f ms p95 %.1f ms",
        sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
  }
}
