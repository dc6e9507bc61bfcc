package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundary around production, tried as an attacker with an ordinary role would: no oracle on
 * production secret values from a non-production role, and no application-level operation that
 * reaches production's stored state without a role granted on production itself.
 */
class ProductionBoundaryIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String freshValue() {
    return "canary-" + UUID.randomUUID();
  }

  private static String secret(String app, String env, String key) {
    return SetpointClient.env(app, env) + "/secrets/" + key;
  }

  private static String value(String value) {
    return Json.createObjectBuilder().add("value", value).build().toString();
  }

  /** A built-in user holding {@code role} on one environment only. */
  private SetpointClient personOn(String app, String env, String role) {
    String name = SetpointClient.uniqueSlug("env-" + role);
    String password = freshValue();
    Reply created =
        admin.post(
            "/api/v1/users",
            Json.createObjectBuilder()
                .add("username", name)
                .add("password", password)
                .build()
                .toString());
    Reply granted =
        admin.post(
            "/api/v1/roles",
            Json.createObjectBuilder()
                .add("principal", name)
                .add("role", role)
                .add("application", app)
                .add("environment", env)
                .build()
                .toString());
    assertEquals(201, created.status(), created::toString);
    assertEquals(201, granted.status(), granted::toString);
    return admin.asUser(name, password);
  }

  private static List<String> findings(Reply readiness, String rule) {
    assertEquals(200, readiness.status(), readiness::toString);
    List<String> keys = new ArrayList<>();
    for (JsonObject finding :
        readiness.json().getJsonArray("findings").getValuesAs(JsonObject.class)) {
      if (finding.getString("rule").equals(rule)) {
        keys.add(finding.getString("key", ""));
      }
    }
    return keys;
  }

  @Test
  void aDevEditorCannotTellWhetherAGuessEqualsAProductionSecret() {
    String app = admin.newApplication("oracle");
    String production = freshValue();
    admin.writeSecret(app, "production", "DB_PASSWORD", production);
    SetpointClient devEditor = personOn(app, "dev", "editor");

    Reply wrong = devEditor.put(secret(app, "dev", "GUESS_1"), value(freshValue()));
    List<String> wrongFindings =
        findings(
            devEditor.get(SetpointClient.env(app, "dev") + "/readiness"),
            "secret-shared-between-environments");
    Reply right = devEditor.put(secret(app, "dev", "GUESS_2"), value(production));
    List<String> rightFindings =
        findings(
            devEditor.get(SetpointClient.env(app, "dev") + "/readiness"),
            "secret-shared-between-environments");

    assertEquals(wrong.status(), right.status(), right::toString);
    assertEquals(wrong.headerNames(), right.headerNames(), "the same headers");
    assertEquals(wrong.json().keySet(), right.json().keySet(), "the same answer");
    assertEquals(List.of(), wrongFindings);
    assertEquals(List.of(), rightFindings, "dev's readiness says nothing about production");
    assertEquals(
        List.of(),
        findings(
            admin.get(SetpointClient.env(app, "production") + "/readiness"),
            "secret-shared-between-environments"),
        "a value written elsewhere after production's never changes what production shows");
    assertProblem(
        devEditor.get(SetpointClient.env(app, "production") + "/readiness"), 403, "forbidden");
    assertFalse(right.body().contains(production));
  }

  @Test
  void theProtectionStaysOnTheProductionSide() throws Exception {
    String app = admin.newApplication("reuse");
    String shared = freshValue();
    SetpointClient devEditor = personOn(app, "dev", "editor");
    assertEquals(201, devEditor.put(secret(app, "dev", "API_KEY"), value(shared)).status());

    assertProblem(admin.put(secret(app, "production", "API_KEY"), value(shared)), 409, "conflict");

    // a value that was in dev before production got it (e.g. under the warn policy, or data from
    // before the check) is reported on production, to those who may read production
    String legacy = freshValue();
    admin.writeSecret(app, "production", "OLD_KEY", legacy);
    devEditor.put(secret(app, "dev", "OLD_KEY"), value(legacy));
    String devSecret =
        "select s.id from secrets s join environments e on s.environment_id = e.id"
            + " join applications a on e.application_id = a.id"
            + " where a.slug = ? and e.slug = 'dev' and s.secret_key = 'OLD_KEY'";
    try (Connection db = StoredData.connect();
        PreparedStatement version =
            db.prepareStatement(
                "update secret_versions set created_at = created_at - interval '1' day"
                    + " where secret_id in ("
                    + devSecret
                    + ")");
        PreparedStatement secret =
            db.prepareStatement(
                "update secrets set updated_at = updated_at - interval '1' day where id in ("
                    + devSecret
                    + ")")) {
      version.setString(1, app);
      secret.setString(1, app);
      assertEquals(1, version.executeUpdate(), "dev's version backdated");
      assertEquals(1, secret.executeUpdate(), "and its secret");
    }
    assertEquals(
        List.of("OLD_KEY"),
        findings(
            admin.get(SetpointClient.env(app, "production") + "/readiness"),
            "secret-shared-between-environments"));
    assertEquals(
        List.of(),
        findings(
            devEditor.get(SetpointClient.env(app, "dev") + "/readiness"),
            "secret-shared-between-environments"));

    // what happens to the twin afterwards does not resolve it: only production's own change does
    devEditor.writeSecret(app, "dev", "OLD_KEY", freshValue());
    assertEquals(
        List.of("OLD_KEY"),
        findings(
            admin.get(SetpointClient.env(app, "production") + "/readiness"),
            "secret-shared-between-environments"),
        "still open after the dev value changed");
    admin.writeSecret(app, "production", "OLD_KEY", freshValue());
    assertEquals(
        List.of(),
        findings(
            admin.get(SetpointClient.env(app, "production") + "/readiness"),
            "secret-shared-between-environments"),
        "resolved by production's rotation");
  }

  @Test
  void anApplicationEditorCannotReachProductionThroughADefinition() {
    String app = admin.newApplication("defs");
    assertEquals(201, admin.define(app, "POOL_SIZE", "integer", "5").status());
    assertEquals(201, admin.define(app, "TIMEOUT", "string", "\"30\"").status());
    assertEquals(201, admin.override(app, "production", "POOL_SIZE", "20").status());
    assertEquals(201, admin.override(app, "production", "TIMEOUT", "\"60\"").status());
    assertEquals(201, admin.define(app, "DEV_ONLY", "string", "\"a\"").status());
    assertEquals(201, admin.override(app, "dev", "DEV_ONLY", "\"b\"").status());
    SetpointClient editor = admin.newPerson("app-editor", "editor", app);

    assertProblem(editor.delete(SetpointClient.setting(app, "POOL_SIZE")), 403, "forbidden");
    assertProblem(
        editor.put(SetpointClient.setting(app, "TIMEOUT"), "{\"type\":\"integer\",\"value\":30}"),
        403,
        "forbidden");
    Reply production = admin.resolved(app, "production");
    assertTrue(production.body().contains("\"POOL_SIZE\""), production::toString);
    assertEquals(
        "string",
        admin.get(SetpointClient.setting(app, "TIMEOUT")).json().getString("type"),
        "nothing changed");

    // what does not reach production stays the editor's to do
    assertEquals(
        200,
        editor
            .put(SetpointClient.setting(app, "POOL_SIZE"), "{\"type\":\"integer\",\"value\":8}")
            .status(),
        "a default production inherits may change");
    assertEquals(204, editor.delete(SetpointClient.setting(app, "DEV_ONLY")).status());

    // with the role on production itself, the same operations go through
    SetpointClient productionEditor = personOn(app, "production", "editor");
    admin.post(
        "/api/v1/roles", SetpointClient.roleBinding(whoami(productionEditor), "editor", app));
    assertEquals(204, productionEditor.delete(SetpointClient.setting(app, "POOL_SIZE")).status());
  }

  private static String whoami(SetpointClient person) {
    return person.get("/api/v1/whoami").json().getString("name");
  }

  @Test
  void removingAnApplicationNeedsAdminOnEachOfItsProductionEnvironments() {
    String app = admin.newApplication("remove");
    SetpointClient appAdmin = admin.newPerson("app-admin", "admin", app);
    assertProblem(appAdmin.delete(SetpointClient.app(app)), 403, "forbidden");
    assertProblem(appAdmin.delete(SetpointClient.env(app, "production")), 403, "forbidden");
    assertEquals(200, admin.get(SetpointClient.env(app, "production")).status(), "still there");
    assertEquals(204, appAdmin.delete(SetpointClient.env(app, "staging")).status());

    Reply granted =
        admin.post(
            "/api/v1/roles",
            Json.createObjectBuilder()
                .add("principal", whoami(appAdmin))
                .add("role", "admin")
                .add("application", app)
                .add("environment", "production")
                .build()
                .toString());
    assertEquals(201, granted.status(), granted::toString);
    assertEquals(204, appAdmin.delete(SetpointClient.app(app)).status());
  }

  @Test
  void aChangedDefaultThatProductionInheritsShowsInTheNextReleasesDiff() {
    String app = admin.newApplication("inherit");
    admin.define(app, "FEATURE_X", "boolean", "false");
    JsonObject first = admin.publish(app, "production");
    SetpointClient editor = admin.newPerson("app-editor", "editor", app);
    assertEquals(
        200,
        editor
            .put(SetpointClient.setting(app, "FEATURE_X"), "{\"type\":\"boolean\",\"value\":true}")
            .status());
    JsonObject second = admin.publish(app, "production");
    Reply diff =
        admin.get(
            SetpointClient.releases(app, "production")
                + "/"
                + second.getInt("number")
                + "/diff?against="
                + first.getInt("number"));
    assertEquals(200, diff.status(), diff::toString);
    assertTrue(
        diff.json().getJsonArray("changed").toString().contains("FEATURE_X"), diff::toString);
  }

  @Test
  void twoConcurrentGrantsOfOneBindingGiveOneBindingAndOneConflict() throws Exception {
    String app = admin.newApplication("grants");
    String principal = SetpointClient.uniqueSlug("twice");
    String body = SetpointClient.roleBinding(principal, "viewer", app);
    for (int round = 0; round < 5; round++) {
      String each =
          round == 0 ? body : SetpointClient.roleBinding(principal + round, "viewer", app);
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Reply>> grants = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        grants.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return admin.post("/api/v1/roles", each);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<Reply> grant : grants) {
        statuses.add(grant.get().status());
      }
      statuses.sort(Integer::compare);
      assertEquals(List.of(201, 409), statuses, "round " + round);
    }
    Reply listed = admin.get("/api/v1/roles?application=" + app + "&limit=500");
    long bindings =
        listed.items().getValuesAs(JsonObject.class).stream()
            .filter(b -> b.getString("principal").equals(principal))
            .count();
    assertEquals(1, bindings, listed::toString);
  }

  @Test
  void classifyingAnEnvironmentAsProductionNeedsAdminOnProduction() {
    String app = admin.newApplication("classify");
    SetpointClient devAdmin = personOn(app, "dev", "admin");
    SetpointClient appAdmin = admin.newPerson("app-admin", "admin", app);
    String dev = SetpointClient.env(app, "dev");
    String flip = "{\"name\":\"Dev\",\"production\":true}";

    assertProblem(devAdmin.put(dev, flip), 403, "forbidden");
    assertProblem(appAdmin.put(dev, flip), 403, "forbidden");
    assertProblem(
        appAdmin.post(
            SetpointClient.app(app) + "/environments",
            "{\"slug\":\"shadow\",\"name\":\"Shadow\",\"production\":true}"),
        403,
        "forbidden");
    assertEquals(
        false, admin.get(dev).json().getBoolean("production"), "dev is still not production");

    // a platform admin may; roles granted on the environment before do not carry over
    assertEquals(200, admin.put(dev, flip).status());
    assertProblem(devAdmin.get(dev), 404, "not-found");
  }

  @Test
  void revokingAProductionTokenNeedsAdminOnProduction() {
    String app = admin.newApplication("revoke");
    String token = admin.issueToken(app, "production");
    String id = null;
    for (JsonObject listed :
        admin.get("/api/v1/tokens?limit=500").items().getValuesAs(JsonObject.class)) {
      if (listed.getString("application", "").equals(app)) {
        id = listed.getString("id");
      }
    }
    SetpointClient appAdmin = admin.newPerson("app-admin", "admin", app);
    assertProblem(appAdmin.delete("/api/v1/tokens/" + id), 403, "forbidden");
    assertTrue(
        admin.withToken(token).get(SetpointClient.config(app, "production")).status() != 401,
        "the token still works");
    assertEquals(204, admin.delete("/api/v1/tokens/" + id).status());
  }
}
