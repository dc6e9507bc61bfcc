package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.BrowserSession;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console sessions over HTTP: the cookie's flags, the same-origin and CSRF rules, sign-out and
 * revocation on two servers at once, the timeouts (moved into the past in the database, as a clock
 * would be), and the password sign-in's refusals.
 */
class SessionIT {

  private static final String SESSION = "/api/v1/session";
  private static final String FOREIGN = "http://attacker.invalid";

  private final SetpointClient admin = SetpointClient.forServerUnderTest();
  private final SetpointClient peer = new SetpointClient(System.getProperty("setpoint.it.peerUrl"));

  @BeforeAll
  static void serversAreUp() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    SetpointClient other = new SetpointClient(System.getProperty("setpoint.it.peerUrl"));
    assertTrue(
        Await.until(
            () -> {
              try {
                return other.get("/api/v1/system/ping").status() == 200;
              } catch (IllegalStateException e) {
                return false; // not listening yet
              }
            },
            Duration.ofSeconds(120)),
        "the second server did not come up");
  }

  /** A new user holding {@code role} on a new application; returns its name and password. */
  private String[] person(String role, String app) {
    String name = SetpointClient.uniqueSlug("s-" + role);
    String password = "canary-" + UUID.randomUUID();
    assertEquals(201, admin.post("/api/v1/users", BrowserSession.body(name, password)).status());
    Reply granted = admin.post("/api/v1/roles", SetpointClient.roleBinding(name, role, app));
    assertEquals(201, granted.status(), granted::toString);
    return new String[] {name, password};
  }

  private BrowserSession signIn(String role, String app) {
    String[] person = person(role, app);
    return BrowserSession.signIn(admin, person[0], person[1]);
  }

  @Test
  void signingInSetsAStrictHttpOnlyCookieThatSignsInTheConsolesRequests() {
    String app = admin.newApplication("s-flags");
    String[] person = person("viewer", app);
    BrowserSession session = BrowserSession.signIn(admin, person[0], person[1]);
    Reply started = session.signInReply();

    assertEquals(201, started.status(), started::toString);
    String cookie = started.header("Set-Cookie");
    assertTrue(cookie.matches("setpoint_session=[A-Za-z0-9_-]{43}; .*"), cookie);
    assertTrue(cookie.contains("; Path=/"), cookie);
    assertTrue(cookie.contains("; HttpOnly"), cookie);
    assertTrue(cookie.contains("; SameSite=Strict"), cookie);
    assertFalse(cookie.contains("Secure"), "not over plain HTTP: " + cookie);
    assertTrue(started.header("Cache-Control").contains("no-store"), started::toString);
    JsonObject body = started.json();
    assertEquals(person[0], body.getString("username"));
    assertEquals(1800, body.getInt("idleTimeoutSeconds"));
    Instant expires = Instant.parse(body.getString("expiresAt"));
    assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(11))), body::toString);
    assertFalse(body.toString().contains(cookie.substring(17, 60)), "the id is only in the cookie");

    Reply whoami = session.get("/api/v1/whoami");
    assertEquals(200, whoami.status(), whoami::toString);
    assertEquals(person[0], whoami.json().getString("name"));
    assertNull(whoami.header("Set-Cookie"), "only the session resource sets a cookie");

    Reply current = session.get(SESSION);
    assertEquals(200, current.status(), current::toString);
    assertEquals(session.csrfToken(), current.json().getString("csrfToken"));
    assertEquals(person[0], current.json().getString("username"));
    assertEquals(session.csrfToken(), session.get(SESSION).json().getString("csrfToken"));

    Reply viewed = session.get(SetpointClient.app(app));
    assertEquals(200, viewed.status(), "the user's own roles: " + viewed);
    Reply hidden = session.get(SetpointClient.app(admin.newApplication("s-hidden")));
    assertEquals(404, hidden.status(), "and nothing more: " + hidden);
  }

  @Test
  void aStateChangeNeedsTheSessionsCsrfTokenAndNothingChangesWithout() {
    String app = admin.newApplication("s-csrf");
    admin.define(app, "mode", "string", "\"safe\"");
    BrowserSession editor = signIn("editor", app);
    String path = SetpointClient.override(app, "dev", "mode");
    String body = "{\"value\":\"forged\"}";

    Reply none = editor.raw("PUT", path, body, "application/json", sameOrigin());
    assertProblem(none, 403, "forbidden");
    assertTrue(none.json().getString("detail").contains("X-CSRF-Token"), none::toString);
    Reply wrong =
        editor.raw(
            "PUT", path, body, "application/json", sameOrigin("X-CSRF-Token", wrongToken(editor)));
    assertProblem(wrong, 403, "forbidden");
    Reply empty = editor.raw("PUT", path, body, "application/json", sameOrigin("X-CSRF-Token", ""));
    assertProblem(empty, 403, "forbidden");
    assertEquals("safe", mode(app));

    Reply done = editor.send("PUT", path, "{\"value\":\"changed\"}");
    assertTrue(done.status() / 100 == 2, done::toString);
    assertEquals("changed", mode(app));
  }

  @Test
  void aCrossSiteRequestWithTheSessionIsRefusedAndChangesNothing() {
    String app = admin.newApplication("s-xsite");
    admin.define(app, "mode", "string", "\"safe\"");
    BrowserSession editor = signIn("editor", app);
    String path = SetpointClient.override(app, "dev", "mode");
    String body = "{\"value\":\"forged\"}";
    String token = editor.csrfToken();

    Reply crossSite =
        editor.raw(
            "PUT",
            path,
            body,
            "application/json",
            List.of("Sec-Fetch-Site", "cross-site", "X-CSRF-Token", token));
    assertProblem(crossSite, 403, "forbidden");
    assertTrue(crossSite.json().getString("detail").contains("same-origin"), crossSite::toString);
    Reply sameSite =
        editor.raw(
            "PUT",
            path,
            body,
            "application/json",
            List.of("Sec-Fetch-Site", "same-site", "X-CSRF-Token", token));
    assertProblem(sameSite, 403, "forbidden");
    Reply foreignOrigin =
        editor.raw(
            "PUT",
            path,
            body,
            "application/json",
            List.of("Origin", FOREIGN, "X-CSRF-Token", token));
    assertProblem(foreignOrigin, 403, "forbidden");
    Reply read = editor.raw("GET", path, null, null, List.of("Sec-Fetch-Site", "cross-site"));
    assertProblem(read, 403, "forbidden");
    assertEquals("safe", mode(app));

    // what a hostile page's <form method=post> sends: form-encoded, from another site, no token
    String slug = SetpointClient.uniqueSlug("s-forged");
    Reply form =
        editor.raw(
            "POST",
            "/api/v1/applications",
            "slug=" + slug + "&name=Forged",
            "application/x-www-form-urlencoded",
            List.of("Sec-Fetch-Site", "cross-site", "Origin", FOREIGN));
    assertEquals(403, form.status(), form::toString);
    Reply formWithoutFetchMetadata =
        editor.raw(
            "POST",
            "/api/v1/applications",
            "slug=" + slug + "&name=Forged",
            "application/x-www-form-urlencoded",
            List.of());
    assertEquals(403, formWithoutFetchMetadata.status(), formWithoutFetchMetadata::toString);
    assertEquals(404, admin.get(SetpointClient.app(slug)).status(), "nothing was created");

    Reply ownOrigin =
        editor.raw(
            "PUT",
            path,
            "{\"value\":\"own\"}",
            "application/json",
            List.of("Origin", TestServer.baseUrl(), "X-CSRF-Token", token));
    assertTrue(ownOrigin.status() / 100 == 2, "an older browser on the console: " + ownOrigin);
  }

  @Test
  void overHttpsTheCookieIsSecure() throws Exception {
    java.util.Optional<javax.net.ssl.SSLContext> trust = TestServer.generatedKeystoreTrust();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        trust.isPresent(), "this server was given its own server.env without a keystore");
    SetpointClient https = new SetpointClient(TestServer.httpsUrl(), trust.get());
    String app = admin.newApplication("s-tls");
    String[] person = person("viewer", app);
    BrowserSession session = BrowserSession.signIn(https, person[0], person[1]);
    String cookie = session.signInReply().header("Set-Cookie");
    assertTrue(cookie.contains("; Secure"), cookie);
    assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict"), cookie);
    assertEquals(200, session.get("/api/v1/whoami").status());
    Reply out = session.send("DELETE", SESSION, null);
    assertEquals(204, out.status(), out::toString);
    assertTrue(out.header("Set-Cookie").contains("; Secure"), out::toString);
  }

  @Test
  void aSignInFromAnotherSiteIsRefused() {
    String app = admin.newApplication("s-login");
    String[] person = person("viewer", app);
    Reply reply =
        admin
            .anonymous()
            .post(
                SESSION, BrowserSession.body(person[0], person[1]), "Sec-Fetch-Site", "cross-site");
    assertProblem(reply, 403, "forbidden");
    assertNull(reply.header("Set-Cookie"));
  }

  @Test
  void signingOutOnOneServerEndsTheSessionOnTheOther() {
    String app = admin.newApplication("s-two");
    BrowserSession onFirst = signIn("viewer", app);
    BrowserSession onSecond = onFirst.on(peer);
    assertEquals(200, onSecond.get("/api/v1/whoami").status(), "the other server knows it");

    Reply refusedWithoutToken = onFirst.raw("DELETE", SESSION, null, null, sameOrigin());
    assertProblem(refusedWithoutToken, 403, "forbidden");
    assertEquals(200, onSecond.get("/api/v1/whoami").status(), "still signed in");

    Reply out = onFirst.send("DELETE", SESSION, null);
    assertEquals(204, out.status(), out::toString);
    String cleared = out.header("Set-Cookie");
    assertTrue(cleared.startsWith("setpoint_session=;"), cleared);
    assertTrue(cleared.contains("Max-Age=0"), cleared);
    assertTrue(cleared.contains("HttpOnly") && cleared.contains("SameSite=Strict"), cleared);

    Reply there = onSecond.get("/api/v1/whoami");
    assertProblem(there, 401, "unauthenticated");
    assertTrue(there.json().getString("detail").contains("session has ended"), there::toString);
    assertProblem(onFirst.get("/api/v1/whoami"), 401, "unauthenticated");
    assertProblem(onFirst.get(SESSION), 401, "unauthenticated");
    assertEquals(204, onFirst.send("DELETE", SESSION, null).status(), "signing out again");
    assertEquals(200, onFirst.get("/api/v1/system/ping").status(), "public paths stay open");
  }

  @Test
  void aPasswordChangeOrRemovalEndsTheUsersSessions() {
    String app = admin.newApplication("s-pass");
    String[] person = person("viewer", app);
    BrowserSession first = BrowserSession.signIn(admin, person[0], person[1]);
    BrowserSession second = BrowserSession.signIn(admin, person[0], person[1]);
    Reply changed =
        admin.put(
            "/api/v1/users/" + person[0] + "/password",
            "{\"password\":\"canary-" + UUID.randomUUID() + "\"}");
    assertEquals(204, changed.status(), changed::toString);
    assertProblem(first.get("/api/v1/whoami"), 401, "unauthenticated");
    assertProblem(second.on(peer).get("/api/v1/whoami"), 401, "unauthenticated");

    String[] other = person("viewer", app);
    BrowserSession removed = BrowserSession.signIn(admin, other[0], other[1]);
    assertEquals(204, admin.delete("/api/v1/users/" + other[0]).status());
    assertProblem(removed.get("/api/v1/whoami"), 401, "unauthenticated");

    Reply audited = admin.get("/api/v1/audit?limit=500&action=session.end");
    assertTrue(audited.body().contains(person[0]), audited::toString);
    assertFalse(audited.body().contains(first.cookie().substring(17)), "no id in the trail");
  }

  @Test
  void theUserOrAnAdminListsTheUsersSessionsAndEndsThemEverywhere() {
    String app = admin.newApplication("s-list");
    String[] person = person("viewer", app);
    BrowserSession one = BrowserSession.signIn(admin, person[0], person[1]);
    BrowserSession two = BrowserSession.signIn(peer, person[0], person[1]);
    String sessions = "/api/v1/users/" + person[0] + "/sessions";

    Reply listed = admin.get(sessions);
    assertEquals(200, listed.status(), listed::toString);
    assertEquals(2, listed.items().size(), listed::toString);
    assertFalse(listed.body().contains(one.cookie().substring(17)), "no ids listed");
    assertFalse(listed.body().contains(one.csrfToken()), "no tokens listed");
    Reply own = one.get(sessions);
    assertEquals(200, own.status(), own::toString);
    assertEquals(2, own.items().size());
    assertProblem(one.get("/api/v1/users/admin/sessions"), 403, "forbidden");
    assertProblem(one.send("DELETE", "/api/v1/users/admin/sessions", null), 403, "forbidden");

    Reply revoked = admin.delete(sessions);
    assertEquals(204, revoked.status(), revoked::toString);
    assertProblem(one.get("/api/v1/whoami"), 401, "unauthenticated");
    assertProblem(two.get("/api/v1/whoami"), 401, "unauthenticated");
    assertEquals(0, admin.get(sessions).items().size());
    Reply missing = admin.get("/api/v1/users/" + SetpointClient.uniqueSlug("s-none") + "/sessions");
    assertProblem(missing, 404, "not-found");
  }

  @Test
  void aViewersSessionForgingAnEditIsForbidden() {
    String app = admin.newApplication("s-viewer");
    admin.define(app, "mode", "string", "\"safe\"");
    BrowserSession viewer = signIn("viewer", app);
    Reply forged =
        viewer.send("PUT", SetpointClient.override(app, "dev", "mode"), "{\"value\":\"x\"}");
    assertProblem(forged, 403, "forbidden");
    Reply published = viewer.send("POST", SetpointClient.releases(app, "dev"), "{}");
    assertProblem(published, 403, "forbidden");
    assertEquals("safe", mode(app));
  }

  @Test
  void aSessionEndsWhenIdleForTheTimeoutOrPastItsAbsoluteEnd() throws Exception {
    String app = admin.newApplication("s-time");
    BrowserSession idle = signIn("viewer", app);
    BrowserSession old = signIn("viewer", app);
    BrowserSession fresh = signIn("viewer", app);
    // the clock of these rows is moved: unused for 31 minutes, or signed in 13 hours ago
    Instant now = Instant.now();
    moveBack(idle, now.minus(Duration.ofMinutes(31)), now.plus(Duration.ofHours(11)));
    moveBack(old, now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofHours(1)));

    assertProblem(idle.get("/api/v1/whoami"), 401, "unauthenticated");
    assertProblem(idle.on(peer).get("/api/v1/whoami"), 401, "unauthenticated");
    assertProblem(old.get("/api/v1/whoami"), 401, "unauthenticated");
    assertProblem(old.on(peer).get("/api/v1/whoami"), 401, "unauthenticated");
    assertEquals(200, fresh.get("/api/v1/whoami").status());
  }

  @Test
  void wrongCredentialsAnswerAlikeForUnknownUsersAndWrongPasswords() {
    String app = admin.newApplication("s-wrong");
    String[] person = person("viewer", app);
    Reply wrongPassword =
        admin
            .anonymous()
            .post(SESSION, BrowserSession.body(person[0], "canary-" + UUID.randomUUID()));
    Reply unknownUser =
        admin
            .anonymous()
            .post(
                SESSION,
                BrowserSession.body(
                    SetpointClient.uniqueSlug("s-nobody"), "canary-" + UUID.randomUUID()));
    JsonObject one = assertProblem(wrongPassword, 401, "unauthenticated");
    JsonObject other = assertProblem(unknownUser, 401, "unauthenticated");
    assertEquals(one.getString("detail"), other.getString("detail"));
    assertEquals(one.getString("title"), other.getString("title"));
    assertEquals(wrongPassword.headerNames(), unknownUser.headerNames());
    assertNull(wrongPassword.header("Set-Cookie"));
    assertNull(unknownUser.header("Set-Cookie"));

    Reply fromBrowser =
        admin
            .anonymous()
            .post(
                SESSION,
                BrowserSession.body(person[0], "canary-" + UUID.randomUUID()),
                "Sec-Fetch-Mode",
                "cors",
                "Sec-Fetch-Site",
                "same-origin");
    assertProblem(fromBrowser, 401, "unauthenticated");
    assertFalse(
        fromBrowser.header("WWW-Authenticate").contains("Basic"),
        "no Basic challenge (a password dialog) for the console's scripts");
  }

  @Test
  void wrongPasswordsAtTheSignInSpendTheSameBudgetAsBasic() {
    String app = admin.newApplication("s-brute");
    String[] person = person("viewer", app);
    String attacker =
        "203.1." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 249));
    SetpointClient anonymous = admin.anonymous();
    int refusals = 0;
    Reply last = null;
    while (refusals < 50) {
      last =
          anonymous.post(
              SESSION,
              BrowserSession.body(person[0], "canary-" + UUID.randomUUID()),
              "X-Forwarded-For",
              attacker);
      if (last.status() != 401) {
        break;
      }
      refusals++;
    }
    assertEquals(10, refusals, "the failure budget of an account from one address");
    assertProblem(last, 429, "rate-limited");
    assertTrue(last.header("Retry-After") != null, last::toString);
    Reply right =
        anonymous.post(
            SESSION, BrowserSession.body(person[0], person[1]), "X-Forwarded-For", attacker);
    assertProblem(right, 429, "rate-limited");
    assertNull(right.header("Set-Cookie"), "no session while the budget is spent");
    Reply basic =
        admin.get(
            "/api/v1/whoami",
            "Authorization",
            SetpointClient.basic(person[0], person[1]),
            "X-Forwarded-For",
            attacker);
    assertEquals(429, basic.status(), "one budget for Basic and the sign-in: " + basic);

    Reply elsewhere = BrowserSession.signIn(admin, person[0], person[1]).signInReply();
    assertEquals(201, elsewhere.status(), "another address still signs in: " + elsewhere);
  }

  @Test
  void hostileSignInBodiesAreRefusedNamingTheField() {
    SetpointClient anonymous = admin.anonymous();
    assertFieldErrors(anonymous.post(SESSION, "{\"username\":\"alice\"}"), "password");
    assertFieldErrors(anonymous.post(SESSION, "{\"password\":\"p\"}"), "username");
    assertFieldErrors(
        anonymous.post(SESSION, "{\"username\":\"alice\",\"password\":7}"), "password");
    assertFieldErrors(
        anonymous.post(SESSION, "{\"username\":[\"a\"],\"password\":\"p\"}"), "username");
    assertFieldErrors(
        anonymous.post(SESSION, BrowserSession.body("alice", "p".repeat(300))), "password");
    assertFieldErrors(
        anonymous.post(SESSION, BrowserSession.body("a".repeat(100), "secret-ish")), "username");
    Reply notJson = anonymous.post(SESSION, "{\"username\":");
    assertEquals(400, notJson.status(), notJson::toString);
    Reply form =
        anonymous.send(
            "POST", SESSION, "username=a&password=b", "application/x-www-form-urlencoded");
    assertEquals(415, form.status(), form::toString);
    Reply huge = anonymous.post(SESSION, BrowserSession.body("alice", "x".repeat(2_000_000)));
    assertTrue(huge.status() == 413 || huge.status() == 400, huge::toString);
    assertTrue(huge.contentType().startsWith("application/problem+json"), huge::toString);
  }

  @Test
  void aGarbageOrUnknownCookieIsNotASession() {
    for (String value : List.of("x", "A".repeat(43), "%00", "a".repeat(5000))) {
      Reply reply =
          admin
              .anonymous()
              .get(
                  "/api/v1/whoami",
                  "Cookie",
                  "setpoint_session=" + value,
                  "Sec-Fetch-Site",
                  "same-origin");
      assertTrue(reply.status() == 401 || reply.status() == 400, value + ": " + reply);
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    }
  }

  @Test
  void aRequestWithAuthorizationIgnoresTheCookie() {
    String app = admin.newApplication("s-auth");
    BrowserSession viewer = signIn("viewer", app);
    Reply asAdmin =
        admin.get("/api/v1/whoami", "Cookie", viewer.cookie(), "Sec-Fetch-Site", "cross-site");
    assertEquals(200, asAdmin.status(), asAdmin::toString);
    assertEquals("admin", asAdmin.json().getString("name"));
    assertProblem(admin.get(SESSION, "Cookie", viewer.cookie()), 401, "unauthenticated");
    assertNull(admin.get("/api/v1/whoami").header("Set-Cookie"));
    assertNull(admin.anonymous().get("/api/v1/whoami").header("Set-Cookie"));
  }

  // --- helpers ------------------------------------------------------------------------------

  private String mode(String app) {
    Reply resolved = admin.resolved(app, "dev");
    return resolved.items().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("key").equals("mode"))
        .findFirst()
        .orElseThrow()
        .get("value")
        .toString()
        .replace("\"", "");
  }

  private static List<String> sameOrigin(String... more) {
    List<String> headers = new java.util.ArrayList<>(List.of("Sec-Fetch-Site", "same-origin"));
    headers.addAll(List.of(more));
    return headers;
  }

  private static String wrongToken(BrowserSession session) {
    char first = session.csrfToken().charAt(0);
    return (first == 'A' ? 'B' : 'A') + session.csrfToken().substring(1);
  }

  /** Sets the stored last use and absolute end of {@code session}, as a moved clock would. */
  private static void moveBack(BrowserSession session, Instant lastSeen, Instant expires)
      throws Exception {
    String id = session.cookie().substring("setpoint_session=".length());
    String hash =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    try (Connection db = StoredData.connect();
        PreparedStatement update =
            db.prepareStatement(
                "update console_sessions set last_seen_at = ?, idle_expires_at = ?,"
                    + " expires_at = ? where id_hash = ?")) {
      update.setTimestamp(1, Timestamp.from(lastSeen));
      update.setTimestamp(2, Timestamp.from(lastSeen.plus(Duration.ofMinutes(30))));
      update.setTimestamp(3, Timestamp.from(expires));
      update.setString(4, hash);
      assertEquals(1, update.executeUpdate(), "the session's row");
    }
  }
}
