package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production checklist on a running server: findings, the publish gate and its override,
 * suppressions that expire, re-evaluation after a change, the gauges, and Setpoint's self-check.
 */
class ReadinessIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String readiness(String app, String env) {
    return SetpointClient.env(app, env) + "/readiness";
  }

  private JsonObject check(String app, String env) {
    Reply reply = admin.get(readiness(app, env));
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static List<JsonObject> findings(JsonObject report, String rule) {
    return report.getJsonArray("findings").getValuesAs(JsonObject.class).stream()
        .filter(f -> f.getString("rule").equals(rule))
        .toList();
  }

  /** An application whose production has DEBUG=true (critical) and a plain-http URL (high). */
  private String debugInProduction() {
    String app = admin.newApplication("ready");
    assertEquals(201, admin.define(app, "DEBUG", "boolean", "false").status());
    assertEquals(
        201, admin.define(app, "API_URL", "string", "\"https://api.example.com\"").status());
    assertEquals(201, admin.override(app, "production", "DEBUG", "true").status());
    assertEquals(
        201, admin.override(app, "production", "API_URL", "\"http://api.example.com\"").status());
    return app;
  }

  @Test
  void findingsNameRuleSeverityKeyAndWhenTheyWereFirstSeen() {
    String app = debugInProduction();
    JsonObject report = check(app, "production");
    assertEquals("blocked", report.getString("status"), report::toString);
    JsonObject debug = findings(report, "debug-in-production").get(0);
    assertEquals("critical", debug.getString("severity"));
    assertEquals("DEBUG", debug.getString("key"));
    assertFalse(debug.getString("remediation").isBlank());
    Instant firstSeen = Instant.parse(debug.getString("firstSeenAt"));
    assertEquals("high", findings(report, "plain-http-url").get(0).getString("severity"));
    assertFalse(report.toString().contains("http://api.example.com"), "findings quote no value");

    JsonObject again = check(app, "production");
    assertEquals(
        firstSeen,
        Instant.parse(findings(again, "debug-in-production").get(0).getString("firstSeenAt")),
        "first seen stays the first evaluation's time");
    assertTrue(
        findings(check(app, "staging"), "debug-in-production").isEmpty(),
        "debug is only a finding in production");

    assertEquals(200, admin.override(app, "production", "DEBUG", "false").status());
    assertTrue(findings(check(app, "production"), "debug-in-production").isEmpty(), "resolved");
  }

  @Test
  void criticalFindingsBlockAProductionReleaseUnlessOverriddenOnTheRecord() {
    String app = debugInProduction();
    String releases = SetpointClient.releases(app, "production");
    Reply refused = admin.post(releases, "{\"message\":\"ship it\"}");
    JsonObject problem = assertProblem(refused, 422, "unprocessable");
    assertTrue(refused.body().contains("DEBUG"), refused::toString);
    assertTrue(refused.body().contains("debug-in-production"), refused::toString);
    assertFalse(refused.body().contains("API_URL"), "only critical findings block");
    assertFalse(problem.toString().isBlank());

    assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());

    String reason = "hotfix INC-" + System.nanoTime();
    Reply overridden =
        admin.post(releases, "{\"message\":\"ship it\",\"overrideReason\":\"" + reason + "\"}");
    assertEquals(201, overridden.status(), overridden::toString);
    Reply events = admin.get("/api/v1/audit?application=" + app + "&action=readiness.override");
    JsonObject override = events.items().getValuesAs(JsonObject.class).get(0);
    assertEquals("admin", override.getString("actor"));
    assertTrue(override.getString("detail").contains(reason), override::toString);
    assertTrue(override.getString("detail").contains("DEBUG"), override::toString);
  }

  @Test
  void aSuppressionHidesAFindingUntilItExpires() throws Exception {
    String app = debugInProduction();
    String suppressions = readiness(app, "production") + "/suppressions";
    assertProblem(
        admin.post(
            suppressions, suppression("no-such-rule", "DEBUG", "x", Instant.now().plusSeconds(60))),
        400,
        "validation");
    Reply past =
        admin.post(
            suppressions,
            suppression("debug-in-production", "DEBUG", "x", Instant.now().minusSeconds(1)));
    assertProblem(past, 400, "validation");
    assertTrue(past.body().contains("expiresAt"), past::toString);

    Instant expiry = Instant.now().plusSeconds(4);
    Reply created =
        admin.post(
            suppressions,
            suppression("debug-in-production", "DEBUG", "accepted for the demo", expiry));
    assertEquals(201, created.status(), created::toString);

    JsonObject suppressed = check(app, "production");
    assertEquals("attention", suppressed.getString("status"), suppressed::toString);
    JsonObject debug = findings(suppressed, "debug-in-production").get(0);
    assertEquals("accepted for the demo", debug.getJsonObject("suppressed").getString("reason"));
    assertEquals(
        201,
        admin.post(SetpointClient.releases(app, "production"), "{}").status(),
        "a suppressed finding does not block");
    Reply audited = admin.get("/api/v1/audit?application=" + app + "&action=readiness.suppress");
    assertEquals(1, audited.items().size(), audited::toString);

    while (Instant.now().isBefore(expiry.plusMillis(300))) {
      Thread.sleep(100);
    }
    JsonObject back = check(app, "production");
    assertEquals("blocked", back.getString("status"), "an expired suppression no longer applies");
    assertFalse(findings(back, "debug-in-production").get(0).containsKey("suppressed"));
  }

  private static String suppression(String rule, String key, String reason, Instant expiresAt) {
    return Json.createObjectBuilder()
        .add("rule", rule)
        .add("key", key)
        .add("reason", reason)
        .add("expiresAt", expiresAt.toString())
        .build()
        .toString();
  }

  @Test
  void aChangeIsReEvaluatedWithoutAnyoneAskingAndCounted() throws Exception {
    String app = admin.newApplication("ready-auto");
    assertEquals(201, admin.define(app, "NODE_ENV", "string", "\"production\"").status());
    assertEquals(201, admin.override(app, "production", "NODE_ENV", "\"development\"").status());
    JsonObject entry =
        Await.value(
            () -> summaryEntry(app, "production"),
            e -> e != null && e.getJsonObject("counts").getInt("critical") > 0,
            Duration.ofSeconds(15));
    assertTrue(
        entry != null && entry.getJsonObject("counts").getInt("critical") == 1,
        () -> "the summary picked up the change: " + summaryEntry(app, "production"));
    assertEquals("blocked", entry.getString("status"));
    Reply metrics = admin.get("/metrics", "Accept", "text/plain");
    assertTrue(
        metrics.body().contains("setpoint_readiness_findings_open"), "the gauge is published");
  }

  private JsonObject summaryEntry(String app, String env) {
    Reply summary = admin.get("/api/v1/readiness");
    assertEquals(200, summary.status(), summary::toString);
    return summary.json().getJsonArray("environments").getValuesAs(JsonObject.class).stream()
        .filter(
            e -> e.getString("application").equals(app) && e.getString("environment").equals(env))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theSelfCheckCallsTheTestSetupADevelopmentSetup() {
    Reply reply = admin.get("/api/v1/system/readiness");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("attention", reply.json().getString("status"));
    Set<String> rules =
        reply.json().getJsonArray("findings").getValuesAs(JsonObject.class).stream()
            .map(f -> f.getString("rule"))
            .collect(Collectors.toSet());
    for (String expected :
        List.of(
            "system-not-prod-profile",
            "system-https-off",
            "system-admin-password-generated",
            "system-backup-not-configured")) {
      assertTrue(rules.contains(expected), () -> expected + " missing from " + rules);
    }
    assertEquals(
        "h2".equals(TestServer.database()),
        rules.contains("system-embedded-database"),
        "the database finding follows the database");
    assertFalse(rules.contains("system-pool-unbounded"), rules::toString);
    assertFalse(rules.contains("system-debug-logging"), rules::toString);
    assertEquals(
        403,
        admin
            .newPerson("ready-viewer", "viewer", admin.newApplication("ready-self"))
            .get("/api/v1/system/readiness")
            .status());
  }
}
