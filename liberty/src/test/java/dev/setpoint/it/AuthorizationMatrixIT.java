package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestIdentityProvider;
import dev.setpoint.it.support.TestServer;
import dev.setpoint.it.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document × every kind of caller → the expected status. The
 * operations are read from {@code /openapi}, so a new endpoint cannot be left out: each must carry
 * {@code x-setpoint-access}, and docs/security.md must list it with the same value.
 *
 * <p>Roles are granted on the whole test application; the calls aim at its staging environment. An
 * allowed call must get past authorization: any 2xx, 304, or a 400/409/412/422 about the request
 * itself (destructive calls are sent with a stale If-Match so they stop at 412). A refused call
 * must get exactly the status the rules give.
 */
class AuthorizationMatrixIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();
  private static final String STALE = "\"999999\"";
  private static final Set<Integer> PAST_AUTHORIZATION = Set.of(304, 400, 409, 412, 422);
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  /** A change request that sets the matrix's key in staging. */
  private static final String PROPOSAL =
      "{\"message\":\"matrix\",\"changes\":[{\"op\":\"set-setting\",\"key\":\"matrix.key\","
          + "\"value\":\"proposed\"}]}";

  /** Operations that answer a browser's navigation with a redirect (to the identity provider). */
  private static final Set<String> REDIRECTING = Set.of("startProviderSignIn");

  /** The callers, in the order the matrix lists them. */
  enum Principal {
    ANONYMOUS,
    VIEWER,
    EDITOR,
    RELEASER,
    ADMIN,
    TOKEN_THIS,
    TOKEN_OTHER_APP,
    TOKEN_EXPIRED,
    TOKEN_REVOKED
  }

  private static String app;
  private static String webhook;
  private static final Map<Principal, String> AUTHORIZATION = new LinkedHashMap<>();
  private static String spareToken;
  private static String targetUser;

  /** Where the matrix's webhooks send: a loopback receiver the IT servers allow. */
  private static WebhookReceiver receiver;

  @BeforeAll
  static void fixtures() throws Exception {
    TestServer.awaitReady(Duration.ofSeconds(120));
    // the servers sign people in through it: starting a sign-in reads its discovery document
    TestIdentityProvider.shared();
    app = ADMIN.newApplication("matrix");
    String other = ADMIN.newApplication("matrix-other");
    ok(ADMIN.define(app, "matrix.key", "string", "\"base\""));
    ok(ADMIN.override(app, "staging", "matrix.key", "\"staged\""));
    // removing the definition reaches production's stored state: application roles are not enough
    ok(ADMIN.override(app, "production", "matrix.key", "\"live\""));
    // change request 1 of staging, which the {number} of the change-request paths names
    ok(ADMIN.post(SetpointClient.env(app, "staging") + "/change-requests", PROPOSAL));
    ADMIN.writeSecret(app, "staging", "kept", "canary-" + UUID.randomUUID());
    ADMIN.writeSecret(app, "staging", "doomed", "canary-" + UUID.randomUUID());
    ADMIN.publish(app, "staging");
    ADMIN.publish(app, "staging");
    ADMIN.publish(other, "staging");

    AUTHORIZATION.put(Principal.ANONYMOUS, null);
    for (Principal role :
        List.of(Principal.VIEWER, Principal.EDITOR, Principal.RELEASER, Principal.ADMIN)) {
      String name = SetpointClient.uniqueSlug("m-" + role.name().toLowerCase());
      String password = "canary-" + UUID.randomUUID();
      ok(ADMIN.post("/api/v1/users", user(name, password)));
      ok(
          ADMIN.post(
              "/api/v1/roles", SetpointClient.roleBinding(name, role.name().toLowerCase(), app)));
      AUTHORIZATION.put(role, SetpointClient.basic(name, password));
    }
    AUTHORIZATION.put(Principal.TOKEN_THIS, "Bearer " + ADMIN.issueToken(app, "staging"));
    AUTHORIZATION.put(Principal.TOKEN_OTHER_APP, "Bearer " + ADMIN.issueToken(other, "staging"));
    Instant soon = Instant.now().plusSeconds(2);
    Reply expiring =
        ADMIN.post("/api/v1/tokens", SetpointClient.tokenRequest(app, soon, "staging"));
    ok(expiring);
    AUTHORIZATION.put(Principal.TOKEN_EXPIRED, "Bearer " + expiring.json().getString("token"));
    Reply revoked = ADMIN.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    ok(revoked);
    ok(ADMIN.delete("/api/v1/tokens/" + revoked.json().getString("id")));
    AUTHORIZATION.put(Principal.TOKEN_REVOKED, "Bearer " + revoked.json().getString("token"));

    Reply spare = ADMIN.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    spareToken = spare.json().getString("id");
    receiver = WebhookReceiver.allowed();
    webhook = freshWebhook();
    targetUser = SetpointClient.uniqueSlug("m-target");
    ok(ADMIN.post("/api/v1/users", user(targetUser, "canary-" + UUID.randomUUID())));
    // the expired token must really be past its expiry on the server (no token can be issued
    // expired); the set-up above has usually used up these two seconds already
    while (Instant.now().isBefore(soon.plusMillis(200))) {
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void everyOperationAnswersEveryCallerAsTheRulesSay() {
    Map<String, Operation> operations = operations();
    List<String> wrong = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    for (Operation operation : operations.values()) {
      table.append(operation.id()).append(':');
      for (Principal principal : Principal.values()) {
        int expected = expected(operation, principal);
        Reply reply = call(operation, principal);
        table.append(' ').append(principal).append('=').append(reply.status());
        boolean fine =
            expected == 200
                ? reply.status() / 100 == 2
                    || PAST_AUTHORIZATION.contains(reply.status())
                    || (REDIRECTING.contains(operation.id()) && reply.status() == 302)
                : reply.status() == expected;
        if (!fine) {
          wrong.add(
              operation.id()
                  + " as "
                  + principal
                  + ": expected "
                  + (expected == 200 ? "allowed" : expected)
                  + ", got "
                  + reply);
        }
        if (reply.status() == 401) {
          assertTrue(reply.header("WWW-Authenticate") != null, reply::toString);
        }
      }
      table.append('\n');
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong) + "\n\nAll answers:\n" + table);
  }

  /**
   * Vault's listing of an application's environments is the metadata operation on a shorter path
   * ({@code {app}} alone), so the document does not list it apart: every caller gets what the
   * operation's rule gives, and an allowed one sees only the environment it may read.
   */
  @Test
  void vaultsListingOfAnApplicationAnswersEveryCallerAsTheRulesSay() {
    Operation listing =
        new Operation("vaultListEnvironments", "LIST", "/v1/{mount}/metadata/{app}", "deliver");
    List<String> wrong = new ArrayList<>();
    for (Principal principal : Principal.values()) {
      int expected = expected(listing, principal);
      Reply reply = call(listing, principal);
      boolean fine =
          expected == 200
              ? reply.status() == 200
                  && reply
                      .json()
                      .getJsonObject("data")
                      .getJsonArray("keys")
                      .equals(Json.createArrayBuilder().add("staging/").build())
              : reply.status() == expected;
      if (!fine) {
        wrong.add(principal + ": expected " + expected + ", got " + reply);
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void docsSecurityListsEveryOperationWithTheSameAccessRule() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    Path doc =
        Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("security.md");
    Matcher row =
        Pattern.compile("(?m)^\\|\\s*`?([a-zA-Z]+)`?\\s*\\|\\s*`?([a-z-]+)`?\\s*\\|\\s*$")
            .matcher(Files.readString(doc, StandardCharsets.UTF_8));
    while (row.find()) {
      if (!row.group(1).equals("operationId")) {
        documented.put(row.group(1), row.group(2));
      }
    }
    Map<String, String> served = new TreeMap<>();
    operations().values().forEach(o -> served.put(o.id(), o.access()));
    assertEquals(served, documented, "docs/security.md's matrix table against /openapi");
  }

  @Test
  void productionNeedsTheRoleOnTheEnvironmentItself() {
    String prod = SetpointClient.uniqueSlug("m-prod");
    String password = "canary-" + UUID.randomUUID();
    ok(ADMIN.post("/api/v1/users", user(prod, password)));
    ok(ADMIN.post("/api/v1/roles", SetpointClient.roleBinding(prod, "releaser", app)));
    SetpointClient releaser = ADMIN.asUser(prod, password);
    String override = SetpointClient.override(app, "production", "matrix.key");

    assertStatus(200, releaser.resolved(app, "production"));
    assertStatus(403, releaser.put(override, "{\"value\":\"p\"}"));
    assertStatus(
        403, releaser.send("POST", SetpointClient.releases(app, "production"), null, null));
    assertStatus(403, releaser.get(SetpointClient.config(app, "production")));

    String grant =
        SetpointClient.roleBinding(prod, "releaser", app)
            .replace("}", ",\"environment\":\"production\"}");
    ok(ADMIN.post("/api/v1/roles", grant));
    ok(releaser.put(override, "{\"value\":\"p\"}"));
    assertStatus(
        201, releaser.send("POST", SetpointClient.releases(app, "production"), null, null));
    assertStatus(200, releaser.get(SetpointClient.config(app, "production")));
  }

  private static void assertStatus(int expected, Reply reply) {
    assertEquals(expected, reply.status(), reply::toString);
  }

  @Test
  void anApplicationTheCallerCannotSeeIsNotFoundNotForbidden() {
    String hidden = ADMIN.newApplication("m-hidden");
    SetpointClient viewer = ADMIN.as(AUTHORIZATION.get(Principal.VIEWER));
    Reply reply = viewer.get(SetpointClient.app(hidden));
    assertEquals(404, reply.status(), reply::toString);
    assertEquals(404, viewer.get(SetpointClient.app("m-no-such-app")).status());
    Reply listed = viewer.get("/api/v1/applications?limit=500");
    assertTrue(listed.body().contains(app), listed::toString);
    assertTrue(!listed.body().contains(hidden), "only visible applications are listed");
  }

  // --- the rules --------------------------------------------------------------------------

  /**
   * 200 for "allowed", else the exact status; on Vault's paths (/v1) a refused or missing
   * credential is Vault's 403, as Vault has no 401.
   */
  private static int expected(Operation operation, Principal principal) {
    int expected = expectedBySetpoint(operation, principal);
    return expected == 401 && operation.path().startsWith("/v1/") ? 403 : expected;
  }

  private static int expectedBySetpoint(Operation operation, Principal principal) {
    if (principal == Principal.TOKEN_EXPIRED || principal == Principal.TOKEN_REVOKED) {
      return 401;
    }
    String access = operation.access();
    if (access.equals("public")) {
      return 200;
    }
    if (access.equals("session")) {
      // only a console session cookie signs in to it, and none of these callers has one
      return 401;
    }
    if (principal == Principal.ANONYMOUS) {
      return 401;
    }
    if (principal == Principal.TOKEN_THIS || principal == Principal.TOKEN_OTHER_APP) {
      if (access.equals("authenticated") || access.equals("self-token")) {
        return 200;
      }
      if (!operation.namesApplication()) {
        return 403;
      }
      if (principal == Principal.TOKEN_OTHER_APP) {
        return 404;
      }
      return access.equals("deliver") ? 200 : 403;
    }
    int role = principal.ordinal(); // viewer 1 ... admin 4
    int needed =
        switch (access) {
          // restoring a bundle: any person gets past it to the bundle's checks (write on the
          // target application, or the right to register one, decided by what the bundle names)
          case "authenticated", "visible", "administered", "read", "restore" -> 1;
          case "write", "write-app", "reveal", "deliver" -> 2;
          case "publish" -> 3;
          case "manage", "manage-app" -> 4;
          // platform-wide roles (or yourself), which none of these callers has
          case "create-application", "platform-admin", "self" -> 5;
          // a service token looking itself up (Vault's lookup-self): no person may
          case "self-token" -> 5;
          // application roles plus roles on production environments, which these callers lack
          case "write-app-production", "manage-app-production" -> 5;
          default -> throw new AssertionError("Unknown access rule " + access);
        };
    return role >= needed ? 200 : 403;
  }

  // --- the calls --------------------------------------------------------------------------

  private static Reply call(Operation operation, Principal principal) {
    String path = operation.path();
    String query = "";
    String body = null;
    List<String> headers = new ArrayList<>();
    String key = "matrix.key";
    switch (operation.id()) {
      case "createApplication" -> body = "{\"slug\":\"" + app + "\",\"name\":\"Taken\"}";
      case "updateApplication" -> body = stale(headers, "{\"name\":\"Matrix\"}");
      case "deleteApplication",
          "deleteEnvironment",
          "deleteSettingDefinition",
          "deleteSettingOverride" ->
          stale(headers, null);
      case "createEnvironment" ->
          body = "{\"slug\":\"" + SetpointClient.uniqueSlug("qa") + "\",\"name\":\"QA\"}";
      case "updateEnvironment" -> body = stale(headers, "{\"name\":\"Staging\"}");
      case "defineSetting" -> body = stale(headers, "{\"type\":\"string\",\"value\":\"x\"}");
      case "overrideSetting" -> body = stale(headers, "{\"value\":\"y\"}");
      case "writeSecret", "rotateSecret" ->
          body = "{\"value\":\"canary-" + UUID.randomUUID() + "\"}";
      case "diffReleases" -> query = "?against=1";
      case "listRoles" -> query = "?application=" + app;
      case "issueToken" -> body = SetpointClient.tokenRequest(app, null, "staging");
      case "grantRole" -> body = SetpointClient.roleBinding("m-nobody", "viewer", app);
      case "createUser" ->
          body = user(SetpointClient.uniqueSlug("m-new"), "canary-" + UUID.randomUUID());
      case "changePassword" -> body = "{\"password\":\"canary-" + UUID.randomUUID() + "\"}";
      // nothing is that old, so even an allowed caller would prune nothing
      case "pruneAuditTrail" -> body = "{\"before\":\"2000-01-01T00:00:00Z\"}";
      case "suppressFinding" -> body = suppression();
      case "createWebhook" -> body = "{\"url\":\"" + receiver.url() + "\"}";
      // without a name or password: a 400 about the body, past any authentication
      case "startSession" -> body = "{}";
      // plans only: an allowed caller changes nothing
      case "importDefaults", "importIntoEnvironment" -> {
        query = "?dryRun=true";
        body = "{\"matrix.key\":\"imported\"}";
      }
      case "compareEnvironments" -> query = "?from=staging&to=production";
      case "reportConsumerHealth" -> body = "{\"status\":\"UP\"}";
      // no alert names an environment: an allowed caller stops no rollout
      case "receiveAlerts" -> body = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}";
      case "search" -> query = "?q=matrix";
      // staging has no policy: an allowed caller sets none again
      case "setReviewPolicy" -> body = "{\"approvals\":0}";
      case "proposeChangeRequest", "updateChangeRequest" -> body = PROPOSAL;
      case "commentOnChangeRequest" -> body = "{\"text\":\"reviewed\"}";
      // production has no release: an allowed caller is told so (400)
      case "promoteRelease" -> body = "{\"from\":\"production\"}";
      case "exportApplication" ->
          body =
              Json.createObjectBuilder()
                  .add("passphrase", "canary-" + UUID.randomUUID())
                  .build()
                  .toString();
      // not a bundle: a 400 about the body for any person, before anything is planned
      case "restoreBundle" -> {
        query = "?dryRun=true";
        body = "{}";
      }
      case "copyIntoEnvironment" -> {
        query = "?dryRun=true";
        body = "{\"from\":\"production\",\"keys\":[\"matrix.key\"]}";
      }
      default -> {
        // no body, no query
      }
    }
    if (operation.path().contains("/secrets/{key}")) {
      key =
          Set.of("deleteSecret", "recoverSecret", "destroySecret").contains(operation.id())
              ? "doomed"
              : "kept";
    }
    String id =
        switch (operation.id()) {
          case "revokeToken" -> spareToken;
          case "revokeRole" -> freshBinding();
          case "deleteSuppression" -> freshSuppression();
          case "deleteWebhook" -> freshWebhook();
          case "listWebhookDeliveries" -> webhook;
          default -> "";
        };
    String username = operation.id().equals("deleteUser") ? freshUser() : targetUser;
    path =
        path.replace("{app}", app)
            .replace("{env}", "staging")
            .replace("{key}", key)
            .replace("{number}", operation.id().equals("diffReleases") ? "2" : "1")
            .replace("{id}", id)
            .replace("{username}", username)
            .replace("{instance}", "matrix-instance-1")
            // the compatibility protocols (Spring Cloud Config, Vault KV v2)
            .replace("{application}", app)
            .replace("{profile}", "staging")
            .replace("{label}", "1")
            .replace("{file}", app + "-staging.properties")
            .replace("{mount}", "setpoint")
            .replace(
                "{path}",
                operation.id().equals("vaultMount") ? "setpoint/" + app : app + "/staging");
    String authorization = AUTHORIZATION.get(principal);
    if (authorization != null) {
      headers.add("Authorization");
      headers.add(authorization);
    }
    // failed sign-ins come from many addresses, so the brute-force budget is not what answers
    int n = ADDRESSES.incrementAndGet();
    headers.add("X-Forwarded-For");
    headers.add("198.18." + (n / 250) + "." + (1 + n % 250));
    return ADMIN
        .anonymous()
        .send(
            operation.method(),
            path + query,
            body,
            body == null ? null : "application/json",
            headers.toArray(String[]::new));
  }

  private static String stale(List<String> headers, String body) {
    headers.add("If-Match");
    headers.add(STALE);
    return body;
  }

  private static String suppression() {
    return Json.createObjectBuilder()
        .add("rule", "token-without-expiry")
        .add("reason", "matrix")
        .add("expiresAt", Instant.now().plusSeconds(3600).toString())
        .build()
        .toString();
  }

  private static String freshWebhook() {
    Reply created =
        ADMIN.post(SetpointClient.app(app) + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
    ok(created);
    return created.json().getJsonObject("webhook").getString("id");
  }

  private static String freshSuppression() {
    Reply suppressed =
        ADMIN.post(SetpointClient.env(app, "staging") + "/readiness/suppressions", suppression());
    ok(suppressed);
    return suppressed.json().getString("id");
  }

  private static String freshBinding() {
    Reply granted =
        ADMIN.post(
            "/api/v1/roles",
            SetpointClient.roleBinding(SetpointClient.uniqueSlug("m-tmp"), "viewer", app));
    ok(granted);
    return granted.json().getString("id");
  }

  private static String freshUser() {
    String name = SetpointClient.uniqueSlug("m-doomed");
    ok(ADMIN.post("/api/v1/users", user(name, "canary-" + UUID.randomUUID())));
    return name;
  }

  private static String user(String name, String password) {
    return Json.createObjectBuilder()
        .add("username", name)
        .add("password", password)
        .build()
        .toString();
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply::toString);
  }

  // --- the OpenAPI document ---------------------------------------------------------------

  /** One operation of the OpenAPI document. */
  record Operation(String id, String method, String path, String access) {

    /** Whether the call names the matrix's application (in its path, query or body). */
    boolean namesApplication() {
      return path.contains("{app}")
          || path.contains("{application}")
          || path.contains("{file}")
          || (path.contains("{path}") && !id.equals("vaultMount"))
          || Set.of("issueToken", "grantRole", "listRoles", "revokeRole", "revokeToken")
              .contains(id);
    }
  }

  private static Map<String, Operation> operations() {
    Reply document = ADMIN.get("/openapi", "Accept", "application/json");
    assertEquals(200, document.status(), document::toString);
    JsonObject paths = document.json().getJsonObject("paths");
    Map<String, Operation> operations = new TreeMap<>();
    List<String> unmarked = new ArrayList<>();
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : List.of("get", "put", "post", "delete", "patch")) {
        if (!item.containsKey(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        String id = operation.getString("operationId");
        if (!operation.containsKey("x-setpoint-access")) {
          unmarked.add(id);
          continue;
        }
        // the compatibility protocols are served where their clients look for them
        String full =
            path.startsWith("/api/v1")
                    || path.startsWith("/config-server/")
                    || path.startsWith("/v1/")
                ? path
                : "/api/v1" + path;
        operations.put(
            id,
            new Operation(
                id,
                method.toUpperCase(java.util.Locale.ROOT),
                full,
                operation.getString("x-setpoint-access")));
      }
    }
    assertTrue(unmarked.isEmpty(), "operations without x-setpoint-access: " + unmarked);
    assertTrue(operations.size() > 40, "the document lists " + operations.size() + " operations");
    return operations;
  }
}
