package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import dev.setpoint.it.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Change requests (four eyes): a policy turns direct writes into change requests; the author cannot
 * approve; an update drops approvals; applying re-checks approvals and the base, is one
 * transaction, and every step is audited and sent as a webhook event.
 */
class ChangeRequestsIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void aPolicyRefusesEveryDirectWriteAndWritesNothing() {
    String app = admin.newApplication("cr-direct");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    admin.writeSecret(app, "staging", "db.password", "canary-" + UUID.randomUUID());
    admin.publish(app, "staging");
    assertEquals(2, admin.override(app, "dev", "pool", "11").status() / 100);
    assertEquals(200, setPolicy(app, "staging", 1, null).status());

    String env = SetpointClient.env(app, "staging");
    assertRequired(admin.override(app, "staging", "pool", "7"));
    assertRequired(
        admin.put(env + "/secrets/api.key", "{\"value\":\"canary-" + UUID.randomUUID() + "\"}"));
    assertRequired(admin.delete(env + "/secrets/db.password"));
    assertRequired(admin.send("POST", SetpointClient.releases(app, "staging"), null, null));
    assertRequired(admin.send("POST", env + "/import?format=dotenv", "pool=9\n", "text/plain"));
    assertRequired(admin.post(env + "/copy", "{\"from\":\"dev\"}"));
    // a plan is no write: a dry run still answers
    assertEquals(
        200,
        admin
            .send("POST", env + "/import?format=dotenv&dryRun=true", "pool=9\n", "text/plain")
            .status());

    JsonObject pool = admin.resolved(app, "staging").items().getJsonObject(0);
    assertEquals(5, pool.getInt("value"), "nothing was written");
    assertEquals(200, admin.get(env + "/secrets/db.password").status());
    assertEquals(404, admin.get(env + "/secrets/api.key").status());
    assertEquals(1, admin.get(SetpointClient.releases(app, "staging")).items().size());
  }

  @Test
  void thePolicyIsReadByViewersAndSetByEnvironmentAdminsOnly() {
    String app = admin.newApplication("cr-policy");
    SetpointClient viewer = admin.newPerson("cr-viewer", "viewer", app);
    SetpointClient releaser = admin.newPerson("cr-rel", "releaser", app);
    JsonObject none = viewer.get(SetpointClient.env(app, "staging") + "/policy").json();
    assertEquals(0, none.getInt("approvals"));
    assertFalse(none.getBoolean("explicit"));
    assertEquals(403, setPolicy(releaser, app, "staging", 1, "releaser").status());

    Reply set = setPolicy(app, "staging", 2, "releaser");
    assertEquals(200, set.status(), set::toString);
    JsonObject policy = viewer.get(SetpointClient.env(app, "staging") + "/policy").json();
    assertEquals(2, policy.getInt("approvals"));
    assertEquals("releaser", policy.getJsonObject("approvers").getString("role"));
    assertTrue(policy.getBoolean("explicit"));

    assertFieldErrors(setPolicy(app, "staging", 4, null), "approvals");
    assertFieldErrors(setPolicy(app, "staging", 1, "viewer"), "approvers.role");
    assertFieldErrors(setPolicy(app, "staging", 1, "owner"), "approvers.role");
  }

  @Test
  void theAuthorCannotApproveAnotherWriterCanAndApplyWritesEverythingAtOnce() throws Exception {
    String app = admin.newApplication("cr-flow");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    SetpointClient author = admin.newPerson("cr-author", "releaser", app);
    SetpointClient reviewer = admin.newPerson("cr-reviewer", "editor", app);
    SetpointClient viewer = admin.newPerson("cr-viewer", "viewer", app);
    try (WebhookReceiver receiver = WebhookReceiver.allowed()) {
      assertEquals(
          201,
          admin
              .post(
                  SetpointClient.app(app) + "/webhooks",
                  Json.createObjectBuilder().add("url", receiver.url()).build().toString())
              .status());
      setPolicy(app, "staging", 1, null);
      String secret = "canary-" + UUID.randomUUID();
      Reply proposed =
          author.post(
              requests(app, "staging"),
              proposal(
                  "Raise the pool",
                  change("set-setting", "pool", Json.createValue(20)),
                  change("set-secret", "db.password", Json.createValue(secret)),
                  Json.createObjectBuilder().add("op", "publish")));
      assertEquals(201, proposed.status(), proposed::toString);
      assertFalse(proposed.body().contains(secret), "a proposed secret value is never shown");
      String location = proposed.header("Location");
      assertTrue(location.endsWith("/change-requests/1"), location);
      JsonObject opened = proposed.json();
      assertEquals("open", opened.getString("status"));
      assertEquals(1, opened.getInt("approvalsRequired"));
      JsonObject diff = opened.getJsonArray("diff").getJsonObject(0);
      assertEquals(5, diff.getInt("before"));
      assertEquals(20, diff.getInt("after"));
      assertTrue(opened.getJsonObject("readiness").containsKey("ready"));

      String one = requests(app, "staging") + "/1";
      assertEquals(403, viewer.post(one + "/approve", "{}").status());
      assertProblem(author.post(one + "/approve", "{}"), 403, "forbidden");
      assertEquals(409, author.send("POST", one + "/apply", null, null).status());
      Reply approved = reviewer.post(one + "/approve", "{\"comment\":\"fits the database\"}");
      assertEquals(200, approved.status(), approved::toString);
      assertEquals("approved", approved.json().getString("status"));
      assertEquals(
          "fits the database",
          approved.json().getJsonArray("comments").getJsonObject(0).getString("text"));

      Reply applied = author.send("POST", one + "/apply", null, null);
      assertEquals(200, applied.status(), applied::toString);
      assertEquals("applied", applied.json().getString("status"));
      assertEquals(1, applied.json().getInt("appliedRelease"));
      assertFalse(applied.body().contains(secret));
      assertEquals(20, admin.resolved(app, "staging").items().getJsonObject(0).getInt("value"));
      assertEquals(secret, revealed(app, "staging", "db.password"));
      JsonObject release = admin.get(SetpointClient.releases(app, "staging") + "/1").json();
      assertEquals("Change request 1: Raise the pool", release.getString("message"));
      assertEquals(409, author.send("POST", one + "/apply", null, null).status());

      for (String action :
          new String[] {"change-request.open", "change-request.approve", "change-request.apply"}) {
        Reply audited = admin.get("/api/v1/audit?application=" + app + "&action=" + action);
        assertEquals(1, audited.items().size(), () -> action + ": " + audited);
      }
      for (String event :
          new String[] {
            "change_request.opened", "change_request.approved", "change_request.applied"
          }) {
        JsonObject delivery = receiver.await(event, 1, r -> true).get(0).json();
        assertEquals(1, delivery.getJsonObject("data").getInt("changeRequest"));
        assertFalse(delivery.toString().contains(secret));
      }
    }
  }

  @Test
  void anUpdateDropsTheApprovalsAndItsWriterCannotApprove() {
    String app = admin.newApplication("cr-update");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    SetpointClient author = admin.newPerson("cr-author", "editor", app);
    SetpointClient reviewer = admin.newPerson("cr-reviewer", "editor", app);
    setPolicy(app, "staging", 1, null);
    String one = created(author, app, change("set-setting", "pool", Json.createValue(6)));
    assertEquals(200, reviewer.post(one + "/approve", "{}").status());

    Reply updated =
        reviewer.put(one, proposal("Seven", change("set-setting", "pool", Json.createValue(7))));
    assertEquals(200, updated.status(), updated::toString);
    assertEquals("open", updated.json().getString("status"));
    assertEquals(2, updated.json().getInt("revision"));
    assertTrue(updated.json().getJsonArray("approvals").isEmpty());
    assertEquals(409, author.send("POST", one + "/apply", null, null).status());
    assertEquals(403, reviewer.post(one + "/approve", "{}").status(), "it wrote a revision");
    assertEquals(403, author.post(one + "/approve", "{}").status());
    assertEquals(200, admin.post(one + "/approve", "{}").status());
    assertEquals(200, author.send("POST", one + "/apply", null, null).status());
    assertEquals(7, admin.resolved(app, "staging").items().getJsonObject(0).getInt("value"));
  }

  @Test
  void aRequestWhoseKeyMovedIsStaleOneOnOtherKeysStillApplies() {
    String app = admin.newApplication("cr-stale");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    assertEquals(201, admin.define(app, "timeout", "integer", "30").status());
    SetpointClient author = admin.newPerson("cr-author", "editor", app);
    setPolicy(app, "staging", 1, null);
    String first = created(author, app, change("set-setting", "pool", Json.createValue(6)));
    String second = created(author, app, change("set-setting", "pool", Json.createValue(8)));
    String third = created(author, app, change("set-setting", "timeout", Json.createValue(60)));
    for (String request : new String[] {first, second, third}) {
      assertEquals(200, admin.post(request + "/approve", "{}").status());
    }
    assertEquals(200, author.send("POST", first + "/apply", null, null).status());
    assertTrue(author.get(second).json().getJsonArray("diff").getJsonObject(0).getBoolean("moved"));

    Reply stale = author.send("POST", second + "/apply", null, null);
    assertProblem(stale, 409, "change-request-stale");
    assertTrue(stale.json().getString("detail").contains("'pool'"), stale::toString);
    assertEquals("stale", author.get(second).json().getString("status"), "the status is kept");
    assertEquals(6, admin.resolved(app, "staging").items().getJsonObject(0).getInt("value"));
    assertEquals(200, author.send("POST", third + "/apply", null, null).status(), "other keys");

    // an update rebases it on the environment now; it needs a new approval
    Reply rebased =
        author.put(second, proposal(null, change("set-setting", "pool", Json.createValue(8))));
    assertEquals("open", rebased.json().getString("status"));
    assertEquals(200, admin.post(second + "/approve", "{}").status());
    assertEquals(200, author.send("POST", second + "/apply", null, null).status());
    assertEquals(8, admin.resolved(app, "staging").items().getJsonObject(0).getInt("value"));
  }

  @Test
  void applyingIsOneTransaction() {
    String app = admin.newApplication("cr-atomic");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    String shared = "canary-" + UUID.randomUUID();
    admin.writeSecret(app, "staging", "db.password", shared);
    setPolicy(app, "production", 1, null);
    SetpointClient reviewer = admin.newPerson("cr-prod", "viewer", app);
    grantOnProduction(reviewer, app, "editor");
    // production refuses a value current in another environment: the second write fails
    String one =
        created(
            admin,
            app,
            "production",
            change("set-setting", "pool", Json.createValue(50)),
            change("set-secret", "db.password", Json.createValue(shared)));
    assertEquals(200, reviewer.post(one + "/approve", "{}").status());
    assertProblem(admin.send("POST", one + "/apply", null, null), 409, "conflict");
    assertEquals(5, admin.resolved(app, "production").items().getJsonObject(0).getInt("value"));
    assertEquals("approved", admin.get(one).json().getString("status"));
  }

  @Test
  void rejectedAndWithdrawnRequestsAreClosed() {
    String app = admin.newApplication("cr-close");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    SetpointClient author = admin.newPerson("cr-author", "editor", app);
    SetpointClient reviewer = admin.newPerson("cr-reviewer", "editor", app);
    setPolicy(app, "staging", 1, null);
    String rejected = created(author, app, change("set-setting", "pool", Json.createValue(6)));
    assertEquals(403, author.post(rejected + "/reject", "{}").status());
    assertEquals("rejected", reviewer.post(rejected + "/reject", "{}").json().getString("status"));
    assertEquals(409, admin.post(rejected + "/approve", "{}").status());
    assertEquals(409, author.send("POST", rejected + "/apply", null, null).status());

    String withdrawn = created(author, app, change("set-setting", "pool", Json.createValue(7)));
    Reply closed = author.send("POST", withdrawn + "/withdraw", null, null);
    assertEquals("withdrawn", closed.json().getString("status"));
    assertEquals(409, author.send("POST", withdrawn + "/apply", null, null).status());

    Reply commented = reviewer.post(withdrawn + "/comments", "{\"text\":\"ok\"}");
    assertEquals(200, commented.status(), commented::toString);
    Reply open = author.get(requests(app, "staging") + "?status=withdrawn");
    assertEquals(1, open.items().size(), open::toString);
    assertEquals(5, admin.resolved(app, "staging").items().getJsonObject(0).getInt("value"));
  }

  @Test
  void badProposalsNameTheFieldAndTheRule() {
    String app = admin.newApplication("cr-bad");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    String path = requests(app, "staging");
    assertFieldErrors(admin.post(path, "{\"changes\":[]}"), "changes");
    assertFieldErrors(
        admin.post(path, proposal(null, change("rename", "pool", Json.createValue(1)))),
        "changes[0].op");
    assertFieldErrors(
        admin.post(path, proposal(null, change("set-setting", "pool", Json.createValue("many")))),
        "changes[0].value");
    assertFieldErrors(
        admin.post(path, proposal(null, change("set-setting", "nope", Json.createValue(1)))),
        "changes[0].key");
    assertFieldErrors(
        admin.post(
            path,
            proposal(
                null,
                Json.createObjectBuilder().add("op", "publish"),
                change("set-setting", "pool", Json.createValue(1)))),
        "changes[0].op");
    assertFieldErrors(
        admin.post(path, proposal(null, change("set-secret", "k", Json.createValue(1)))),
        "changes[0].value");
    assertEquals(404, admin.get(path + "/99").status());
    assertTrue(admin.get(path).items().isEmpty(), "nothing half-written");
  }

  @Test
  void noCallerSeesMoreThanItsRoleAllows() {
    String app = admin.newApplication("cr-roles");
    String other = admin.newApplication("cr-other");
    assertEquals(201, admin.define(app, "pool", "integer", "5").status());
    SetpointClient viewer = admin.newPerson("cr-viewer", "viewer", app);
    SetpointClient stranger = admin.newPerson("cr-stranger", "admin", other);
    String body = proposal(null, change("set-setting", "pool", Json.createValue(6)));
    assertEquals(403, viewer.post(requests(app, "staging"), body).status());
    String one = created(admin, app, change("set-setting", "pool", Json.createValue(6)));
    assertEquals(200, viewer.get(one).status());
    assertEquals(403, viewer.post(one + "/approve", "{}").status());
    assertEquals(403, viewer.send("POST", one + "/withdraw", null, null).status());
    assertEquals(404, stranger.get(one).status());
    assertEquals(404, stranger.get(requests(app, "staging")).status());
    assertEquals(404, stranger.post(requests(app, "staging"), body).status());
    assertEquals(404, stranger.get(SetpointClient.env(app, "staging") + "/policy").status());
    // a publish needs the publish role even inside a request
    SetpointClient editor = admin.newPerson("cr-editor", "editor", app);
    assertEquals(
        403,
        editor
            .post(
                requests(app, "staging"),
                proposal(null, Json.createObjectBuilder().add("op", "publish")))
            .status());
  }

  // --- helpers ------------------------------------------------------------------------------

  static String requests(String app, String env) {
    return SetpointClient.env(app, env) + "/change-requests";
  }

  private Reply setPolicy(String app, String env, int approvals, String role) {
    return setPolicy(admin, app, env, approvals, role);
  }

  static Reply setPolicy(
      SetpointClient client, String app, String env, int approvals, String role) {
    var body = Json.createObjectBuilder().add("approvals", approvals);
    if (role != null) {
      body.add("approvers", Json.createObjectBuilder().add("role", role));
    }
    return client.put(SetpointClient.env(app, env) + "/policy", body.build().toString());
  }

  static jakarta.json.JsonObjectBuilder change(String op, String key, JsonValue value) {
    return Json.createObjectBuilder().add("op", op).add("key", key).add("value", value);
  }

  static String proposal(String message, jakarta.json.JsonObjectBuilder... changes) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (var change : changes) {
      list.add(change);
    }
    var body = Json.createObjectBuilder().add("changes", list);
    if (message != null) {
      body.add("message", message);
    }
    return body.build().toString();
  }

  private static String created(
      SetpointClient client, String app, jakarta.json.JsonObjectBuilder... changes) {
    return created(client, app, "staging", changes);
  }

  private static String created(
      SetpointClient client, String app, String env, jakarta.json.JsonObjectBuilder... changes) {
    Reply reply = client.post(requests(app, env), proposal(null, changes));
    assertEquals(201, reply.status(), reply::toString);
    return requests(app, env) + "/" + reply.json().getInt("number");
  }

  private void grantOnProduction(SetpointClient person, String app, String role) {
    String name = person.get("/api/v1/whoami").json().getString("name");
    String grant =
        SetpointClient.roleBinding(name, role, app)
            .replace("}", ",\"environment\":\"production\"}");
    assertEquals(201, admin.post("/api/v1/roles", grant).status());
  }

  private String revealed(String app, String env, String key) {
    Reply reply = admin.post(SetpointClient.env(app, env) + "/secrets/" + key + "/reveal", "{}");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getString("value");
  }

  private static void assertRequired(Reply reply) {
    assertProblem(reply, 409, "change-request-required");
  }
}
