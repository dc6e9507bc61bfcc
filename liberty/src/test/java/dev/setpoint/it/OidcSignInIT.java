package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.BrowserSession;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestIdentityProvider;
import dev.setpoint.it.support.TestIdentityProvider.Person;
import dev.setpoint.it.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console through the organisation's OpenID Connect provider: authorization code
 * with PKCE, state and nonce. The test plays the provider on loopback ({@link
 * TestIdentityProvider}) and the browser: a JDK HttpClient that follows every redirect by hand,
 * keeps Setpoint's cookies as a browser would, and sends {@code Sec-Fetch-*} headers as Chromium
 * does for a top-level navigation coming back from another site.
 */
class OidcSignInIT {

  private static final String START = "/api/v1/session/oidc/start";
  private static final String CALLBACK = "/api/v1/session/oidc/callback";

  private static TestIdentityProvider provider;

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void providerAndServersAreUp() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    provider = TestIdentityProvider.shared();
  }

  /** A browser: its own cookie jar for Setpoint, redirects followed one hop at a time. */
  static final class Browser {
    private static final HttpClient HTTP =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    final Map<String, String> cookies = new LinkedHashMap<>();
    final List<String> setCookies = new java.util.ArrayList<>();

    /** One top-level navigation; {@code site} is its Sec-Fetch-Site. */
    HttpResponse<String> navigate(URI uri, String site) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              // what Chromium sends on a navigation
              .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
              .header("Sec-Fetch-Mode", "navigate")
              .header("Sec-Fetch-Site", site);
      boolean toSetpoint = !uri.toString().startsWith(provider.issuer());
      if (toSetpoint && !cookies.isEmpty()) {
        request.header("Cookie", cookieHeader(uri));
      }
      try {
        HttpResponse<String> response =
            HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (toSetpoint) {
          response.headers().allValues("Set-Cookie").forEach(this::keep);
        }
        return response;
      } catch (IOException e) {
        throw new IllegalStateException("GET " + uri + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The cookies a browser sends to this URI: the verifier only under its own path. */
    private String cookieHeader(URI uri) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (name, value) -> {
            if (!name.equals("setpoint_oidc") || uri.getPath().startsWith("/api/v1/session/oidc")) {
              header
                  .append(header.length() == 0 ? "" : "; ")
                  .append(name)
                  .append('=')
                  .append(value);
            }
          });
      return header.toString();
    }

    private void keep(String setCookie) {
      setCookies.add(setCookie);
      String pair = setCookie.substring(0, setCookie.indexOf(';'));
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }

    Optional<String> sessionCookie() {
      return Optional.ofNullable(cookies.get("setpoint_session")).map(v -> "setpoint_session=" + v);
    }
  }

  /** Where a redirect leads. */
  private static URI location(HttpResponse<String> response) {
    assertEquals(302, response.statusCode(), () -> response.uri() + " " + response.body());
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  private static URI withQuery(URI uri, String name, String value) {
    return URI.create(uri + "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private URI base() {
    return URI.create(admin.baseUrl());
  }

  /** The console's sign-in button: start, then on to the provider as {@code person}. */
  private URI toProvider(Browser browser, Person person) {
    URI authorize = location(browser.navigate(base().resolve(START), "same-origin"));
    assertTrue(
        authorize.toString().startsWith(provider.issuer() + "/authorize?"), authorize::toString);
    return withQuery(authorize, "login_hint", provider.register(person));
  }

  /** The provider approves and sends the browser back; Setpoint's answer to that callback. */
  private HttpResponse<String> signIn(Browser browser, Person person) {
    URI back = location(browser.navigate(toProvider(browser, person), "same-origin"));
    return browser.navigate(back, "cross-site");
  }

  /** The sign-in page's error code the answer redirects to; fails unless it is one. */
  private String refusal(HttpResponse<String> answer) {
    URI page = location(answer);
    assertEquals(base().resolve("/console/").toString(), page.toString().replaceAll("[?#].*", ""));
    assertEquals("/sign-in", page.getFragment(), page::toString);
    return TestIdentityProvider.query(page).get("signin-error");
  }

  @Test
  void thePageLearnsTheProviderAndStartSendsTheBrowserThereWithPkceStateAndNonce() {
    Reply described = admin.anonymous().get("/api/v1/session/oidc");
    assertEquals(200, described.status(), described::toString);
    assertEquals("Test SSO", described.json().getString("name"));
    assertEquals(START, described.json().getString("start"));

    Browser browser = new Browser();
    HttpResponse<String> started = browser.navigate(base().resolve(START), "same-origin");
    URI authorize = location(started);
    Map<String, String> query = TestIdentityProvider.query(authorize);
    assertEquals("code", query.get("response_type"));
    assertEquals(TestIdentityProvider.CLIENT_ID, query.get("client_id"));
    assertEquals("S256", query.get("code_challenge_method"));
    assertEquals(base().resolve(CALLBACK).toString(), query.get("redirect_uri"));
    assertTrue(query.get("scope").contains("openid"), query::toString);
    for (String random : List.of("state", "nonce", "code_challenge")) {
      assertTrue(query.get(random).matches("[A-Za-z0-9_-]{43}"), random + ": " + query);
    }
    String verifier = browser.cookies.get("setpoint_oidc");
    assertNotNull(verifier, "the verifier stays with the browser");
    assertEquals(query.get("code_challenge"), TestIdentityProvider.s256(verifier));
    assertFalse(authorize.toString().contains(verifier), "the verifier never goes in a URL");
    String cookie = browser.setCookies.get(0);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    assertTrue(cookie.contains("Path=/api/v1/session/oidc") && cookie.contains("Max-Age=600"));
    assertTrue(
        started.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
        started.headers()::toString);
  }

  @Test
  void aMemberOfTheAdminGroupGetsAConsoleSessionThatWorksWithItsCsrfToken() {
    String name = SetpointClient.uniqueSlug("sso-ops");
    Browser browser = new Browser();
    HttpResponse<String> back = signIn(browser, Person.named(name, "setpoint-admins"));
    assertEquals(base().resolve("/console/"), location(back));
    String session =
        browser.setCookies.stream()
            .filter(c -> c.startsWith("setpoint_session="))
            .findFirst()
            .orElseThrow();
    assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
    assertNull(browser.cookies.get("setpoint_oidc"), "the verifier cookie is cleared");

    BrowserSession console = BrowserSession.ofCookie(admin, browser.sessionCookie().orElseThrow());
    assertEquals("oidc:" + name, console.signInReply().json().getString("username"));
    Reply me = console.get("/api/v1/whoami");
    assertEquals("oidc:" + name, me.json().getString("name"), me::toString);
    assertTrue(me.json().getBoolean("platformAdmin"), "groups map to roles as for JWTs");

    String app = SetpointClient.uniqueSlug("sso-app");
    String created = "{\"slug\":\"" + app + "\",\"name\":\"SSO\",\"owner\":\"team-it\"}";
    assertProblem(
        console.raw(
            "POST",
            "/api/v1/applications",
            created,
            "application/json",
            List.of("Sec-Fetch-Site", "same-origin")),
        403,
        "forbidden");
    assertEquals(201, console.send("POST", "/api/v1/applications", created).status());

    Reply audited = admin.get("/api/v1/audit?limit=500&action=session.start");
    assertTrue(
        audited.body().contains("oidc:" + name) && audited.body().contains("OpenID Connect"),
        audited::toString);
    assertFalse(audited.body().contains(browser.cookies.get("setpoint_session")));
  }

  @Test
  void aViewerGroupSeesTheApplicationAndIsRefusedAnEdit() {
    String app = admin.newApplication("sso-view");
    String group = SetpointClient.uniqueSlug("sso-viewers");
    Reply granted =
        admin.post("/api/v1/roles", SetpointClient.roleBinding("group:" + group, "viewer", app));
    assertEquals(201, granted.status(), granted::toString);
    Browser browser = new Browser();
    signIn(browser, Person.named(SetpointClient.uniqueSlug("sso-viewer"), group));
    BrowserSession viewer = BrowserSession.ofCookie(admin, browser.sessionCookie().orElseThrow());

    assertEquals(200, viewer.get(SetpointClient.app(app)).status());
    assertProblem(
        viewer.send(
            "PUT", SetpointClient.setting(app, "sso.key"), "{\"type\":\"string\",\"value\":\"x\"}"),
        403,
        "forbidden");
    assertProblem(viewer.get("/api/v1/users"), 403, "forbidden");
  }

  @Test
  void aVerifierThatDoesNotMatchTheChallengeIsRefusedByTheProviderAndNoSessionStarts() {
    Browser browser = new Browser();
    URI authorize = toProvider(browser, Person.named(SetpointClient.uniqueSlug("sso-pkce")));
    // someone swapped the challenge on the way to the provider: the verifier no longer fits it
    String challenge = TestIdentityProvider.query(authorize).get("code_challenge");
    URI swapped =
        URI.create(
            authorize
                .toString()
                .replace(challenge, TestIdentityProvider.s256("another-verifier-" + challenge)));
    URI back = location(browser.navigate(swapped, "same-origin"));
    HttpResponse<String> answer = browser.navigate(back, "cross-site");
    assertEquals("token", refusal(answer));
    assertEquals(
        "code_verifier",
        provider.refusalOf(TestIdentityProvider.query(back).get("code")),
        "the provider checked the verifier against the challenge");
    assertTrue(browser.sessionCookie().isEmpty(), "no session");
  }

  @Test
  void aStateThatIsUnknownReplayedOrFromAnotherBrowserStartsNoSession() {
    Browser browser = new Browser();
    URI back =
        location(
            browser.navigate(
                toProvider(browser, Person.named(SetpointClient.uniqueSlug("sso-state"))),
                "same-origin"));
    String state = TestIdentityProvider.query(back).get("state");

    // another browser (an attacker's callback URL opened by a victim): no verifier cookie of it
    Browser victim = new Browser();
    assertEquals("state", refusal(victim.navigate(back, "cross-site")));
    assertTrue(victim.sessionCookie().isEmpty());

    // the state was spent by that attempt: its own browser cannot use it either now
    assertEquals("state", refusal(browser.navigate(back, "cross-site")));

    Browser fresh = new Browser();
    URI again =
        location(
            fresh.navigate(
                toProvider(fresh, Person.named(SetpointClient.uniqueSlug("sso-state"))),
                "same-origin"));
    URI tampered =
        URI.create(again.toString().replace(TestIdentityProvider.query(again).get("state"), state));
    assertEquals("state", refusal(fresh.navigate(tampered, "cross-site")));
    assertTrue(fresh.sessionCookie().isEmpty());
  }

  @Test
  void aCallbackIsUsedOnceAndWorksOnTheOtherServer() {
    Browser browser = new Browser();
    URI back =
        location(
            browser.navigate(
                toProvider(browser, Person.named(SetpointClient.uniqueSlug("sso-peer"))),
                "same-origin"));
    String verifier = browser.cookies.get("setpoint_oidc");
    URI onPeer =
        URI.create(System.getProperty("setpoint.it.peerUrl") + CALLBACK + "?" + back.getRawQuery());
    HttpResponse<String> signedIn = browser.navigate(onPeer, "cross-site");
    assertEquals(
        URI.create(System.getProperty("setpoint.it.peerUrl") + "/console/"), location(signedIn));
    SetpointClient peer = new SetpointClient(System.getProperty("setpoint.it.peerUrl"));
    String cookie = browser.sessionCookie().orElseThrow();
    BrowserSession.ofCookie(peer, cookie);
    BrowserSession.ofCookie(admin, cookie);

    // the same redirect again, with the same verifier: the state is gone
    Browser replay = new Browser();
    replay.cookies.put("setpoint_oidc", verifier);
    assertEquals("state", refusal(replay.navigate(back, "cross-site")));
    assertTrue(replay.sessionCookie().isEmpty());
  }

  @Test
  void anIdTokenWithAnotherNonceAudienceExpiryOrKeyStartsNoSession() {
    String name = SetpointClient.uniqueSlug("sso-bad");
    Map<Person, String> cases = new LinkedHashMap<>();
    cases.put(Person.named(name).withNonce("not-the-nonce-sent"), "nonce");
    cases.put(Person.named(name).withAudience("another-client"), "id-token");
    cases.put(Person.named(name).expired(), "id-token");
    cases.put(Person.named(name).signedByAStranger(), "id-token");
    cases.put(Person.named("eve\nadmin"), "identity");
    cases.put(Person.named(name).refusedWith("access_denied"), "provider");
    for (Map.Entry<Person, String> c : cases.entrySet()) {
      Browser browser = new Browser();
      assertEquals(c.getValue(), refusal(signIn(browser, c.getKey())), c.getKey()::toString);
      assertTrue(browser.sessionCookie().isEmpty(), c.getKey()::toString);
      assertNull(browser.cookies.get("setpoint_oidc"), "the verifier cookie is cleared");
    }
    Reply denied = admin.get("/api/v1/audit?limit=500&action=session.start&outcome=denied");
    assertTrue(denied.body().contains("nonce"), denied::toString);
  }

  @Test
  void aClientThatAsksForNoPageGetsProblemDocuments() {
    SetpointClient anonymous = admin.anonymous();
    assertFieldErrors(anonymous.get(CALLBACK + "?code=abc"), 400, "validation", "query state");
    assertFieldErrors(anonymous.get(CALLBACK + "?state=abc"), 400, "validation", "query code");
    Reply unknown = anonymous.get(CALLBACK + "?code=abc&state=" + "x".repeat(43));
    assertProblem(unknown, 401, "unauthenticated");
    assertFalse(unknown.body().contains("Exception"), unknown::toString);
    // a hostile parameter cannot steer where the browser goes next
    Browser browser = new Browser();
    HttpResponse<String> answer =
        browser.navigate(
            base().resolve(CALLBACK + "?state=s&error=x&redirect_uri=http%3A%2F%2Fevil.invalid"),
            "cross-site");
    assertEquals("state", refusal(answer));
  }

  @Test
  void theConsoleSessionOfTheProviderEndsWithSignOut() {
    Browser browser = new Browser();
    signIn(browser, Person.named(SetpointClient.uniqueSlug("sso-out")));
    BrowserSession console = BrowserSession.ofCookie(admin, browser.sessionCookie().orElseThrow());
    assertEquals(204, console.send("DELETE", "/api/v1/session", null).status());
    assertTrue(
        Await.until(() -> console.get("/api/v1/session").status() == 401, Duration.ofSeconds(5)));
  }
}
