package dev.setpoint.it;

import static dev.setpoint.it.ChangeRequestsIT.setPolicy;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promotion as a release: staging's release (not its working state) mapped onto production, keys
 * only production has kept, types checked, production's own secret values required, and a release
 * whose message names the source; a change request under a policy, a release without one.
 */
class PromotionIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void withoutAPolicyAPromotionPublishesTheSourceReleaseAtOnce() {
    String app = staged("promo-direct");
    // the working state moves on after the release: it is not what is promoted
    assertEquals(2, admin.override(app, "staging", "pool", "99").status() / 100);

    Reply promoted = promote(app, "{\"from\":\"staging\",\"message\":\"weekly\"}");
    assertEquals(201, promoted.status(), promoted::toString);
    assertTrue(promoted.header("Location").endsWith("/environments/production/releases/1"));
    assertEquals("Promote staging release 1: weekly", promoted.json().getString("message"));

    Map<String, JsonValue> production = resolved(app, "production");
    assertEquals(20, ((jakarta.json.JsonNumber) production.get("pool")).intValue());
    assertEquals("\"only-here\"", production.get("region").toString(), "production-only key kept");
    JsonObject release = admin.get(SetpointClient.releases(app, "production") + "/1").json();
    assertEquals(1, release.getJsonObject("secrets").getInt("db.password"), "its own version");
    assertEquals("applied", lastRequest(app).getString("status"), "recorded as a request");
  }

  @Test
  void underAPolicyAPromotionIsAChangeRequestWithTheDiffAndKeptKeys() {
    String app = staged("promo-review");
    assertEquals(200, setPolicy(admin, app, "production", 1, null).status());
    Reply promoted = promote(app, "{\"from\":\"staging\",\"release\":1}");
    assertEquals(202, promoted.status(), promoted::toString);
    String location = promoted.header("Location");
    assertTrue(location.contains("/environments/production/change-requests/"), location);
    JsonObject request = promoted.json();
    assertEquals("open", request.getString("status"));
    assertEquals("staging", request.getJsonObject("promotedFrom").getString("environment"));
    assertEquals(1, request.getJsonObject("promotedFrom").getInt("release"));
    assertEquals("[\"region\"]", request.getJsonArray("kept").toString());
    JsonObject diff = request.getJsonArray("diff").getJsonObject(0);
    assertEquals("pool", diff.getString("key"));
    assertEquals(5, diff.getInt("before"));
    assertEquals(20, diff.getInt("after"));
    assertEquals(0, admin.get(SetpointClient.releases(app, "production")).items().size());

    SetpointClient reviewer = admin.newPerson("promo-rev", "viewer", app);
    String name = reviewer.get("/api/v1/whoami").json().getString("name");
    assertEquals(
        201,
        admin
            .post(
                "/api/v1/roles",
                SetpointClient.roleBinding(name, "editor", app)
                    .replace("}", ",\"environment\":\"production\"}"))
            .status());
    String path = location.substring(location.indexOf("/api/v1/"));
    assertEquals(200, reviewer.post(path + "/approve", "{}").status());
    Reply applied = admin.send("POST", path + "/apply", null, null);
    assertEquals(200, applied.status(), applied::toString);
    JsonObject release = admin.get(SetpointClient.releases(app, "production") + "/1").json();
    assertEquals("Promote staging release 1", release.getString("message"));
    assertEquals("20", release.getJsonObject("settings").getString("pool"));
  }

  @Test
  void aSecretWithoutProductionsOwnValueIsRefusedAndNothingIsWritten() {
    String app = staged("promo-secret");
    admin.writeSecret(app, "staging", "api.key", "canary-" + UUID.randomUUID());
    admin.publish(app, "staging");
    Reply refused = promote(app, "{\"from\":\"staging\"}");
    JsonObject problem = assertProblem(refused, 422, "unprocessable");
    assertTrue(problem.toString().contains("api.key"), problem::toString);
    assertFalse(problem.toString().contains("db.password"), "production has its own");
    assertEquals(5, ((jakarta.json.JsonNumber) resolved(app, "production").get("pool")).intValue());
    assertEquals(0, admin.get(SetpointClient.releases(app, "production")).items().size());
  }

  @Test
  void aTypeThatChangedSinceTheReleaseIsRefused() {
    String app = staged("promo-type");
    assertEquals(200, admin.define(app, "pool", "string", "\"5\"").status());
    JsonObject problem =
        assertProblem(promote(app, "{\"from\":\"staging\"}"), 422, "unprocessable");
    assertTrue(problem.toString().contains("type mismatch"), problem::toString);
  }

  @Test
  void badPromotionsNameTheFieldAndOnlyReleasersPromote() {
    String app = staged("promo-bad");
    assertProblem(promote(app, "{\"from\":\"production\"}"), 400, "validation");
    assertProblem(promote(app, "{\"from\":\"dev\"}"), 400, "validation");
    assertProblem(promote(app, "{\"from\":\"staging\",\"release\":7}"), 400, "validation");
    assertEquals(404, promote(app, "{\"from\":\"qa\"}").status());
    SetpointClient editor = admin.newPerson("promo-ed", "editor", app);
    assertEquals(
        403,
        editor
            .post(SetpointClient.env(app, "production") + "/promote", "{\"from\":\"staging\"}")
            .status());
  }

  /** pool (5 by default, 20 in staging's release 1), region only in production, a secret each. */
  private String staged(String prefix) {
    String app = admin.newApplication(prefix);
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    assertEquals(201, admin.define(app, "region", "string", null).status());
    assertEquals(2, admin.override(app, "staging", "pool", "20").status() / 100);
    assertEquals(2, admin.override(app, "production", "region", "\"only-here\"").status() / 100);
    admin.writeSecret(app, "staging", "db.password", "canary-" + UUID.randomUUID());
    admin.writeSecret(app, "production", "db.password", "canary-" + UUID.randomUUID());
    admin.publish(app, "staging");
    return app;
  }

  private Reply promote(String app, String body) {
    return admin.post(SetpointClient.env(app, "production") + "/promote", body);
  }

  private JsonObject lastRequest(String app) {
    return admin
        .get(SetpointClient.env(app, "production") + "/change-requests")
        .items()
        .getJsonObject(0);
  }

  private Map<String, JsonValue> resolved(String app, String env) {
    Map<String, JsonValue> values = new HashMap<>();
    for (JsonValue item : admin.resolved(app, env).items()) {
      JsonObject setting = item.asJsonObject();
      values.put(setting.getString("key"), setting.get("value"));
    }
    return values;
  }
}
