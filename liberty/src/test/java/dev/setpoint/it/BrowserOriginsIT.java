package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS is off except for the configured allow-list (the test servers allow
 * https://console.setpoint.test), and a state-changing request a browser sends from any other site
 * is refused before its credentials are looked at. Refusals carry the security headers too.
 */
class BrowserOriginsIT {

  private static final String ALLOWED = "https://console.setpoint.test";
  private static final String FOREIGN = "https://evil.example";

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void aCrossSiteWriteIsRefusedEvenWithValidCredentials() {
    String body = "{\"slug\":\"" + SetpointClient.uniqueSlug("csrf") + "\",\"name\":\"X\"}";
    Reply refused = admin.post("/api/v1/applications", body, "Origin", FOREIGN);
    assertProblem(refused, 403, "forbidden");
    assertNull(refused.header("Access-Control-Allow-Origin"));
    assertEquals("nosniff", refused.header("X-Content-Type-Options"));

    Reply read = admin.get("/api/v1/applications", "Origin", FOREIGN);
    assertEquals(200, read.status(), "a read runs, but the browser may not show it to the site");
    assertNull(read.header("Access-Control-Allow-Origin"));

    Reply preflight =
        admin.send(
            "OPTIONS",
            "/api/v1/applications",
            null,
            null,
            "Origin",
            FOREIGN,
            "Access-Control-Request-Method",
            "POST");
    assertEquals(403, preflight.status(), preflight::toString);
  }

  @Test
  void anAllowedOriginGetsCorsHeaders() {
    Reply preflight =
        admin.send(
            "OPTIONS",
            "/api/v1/applications",
            null,
            null,
            "Origin",
            ALLOWED,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");
    assertEquals(204, preflight.status(), preflight::toString);
    assertEquals(ALLOWED, preflight.header("Access-Control-Allow-Origin"));
    assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));

    String body = "{\"slug\":\"" + SetpointClient.uniqueSlug("cors") + "\",\"name\":\"X\"}";
    Reply created = admin.post("/api/v1/applications", body, "Origin", ALLOWED);
    assertEquals(201, created.status(), created::toString);
    assertEquals(ALLOWED, created.header("Access-Control-Allow-Origin"));
    assertTrue(created.header("Access-Control-Expose-Headers").contains("ETag"));
  }

  @Test
  void refusalsCarryTheSecurityHeaders() {
    Reply anonymous = admin.anonymous().get("/api/v1/applications");
    assertProblem(anonymous, 401, "unauthenticated");
    assertTrue(anonymous.header("WWW-Authenticate").contains("Basic"), anonymous::toString);
    String app = admin.newApplication("hdr");
    admin.define(app, "k", "string", "\"v\"");
    admin.publish(app, "staging");
    SetpointClient pod = admin.withToken(admin.issueToken(app, "staging"));
    Reply forbidden = pod.get(SetpointClient.app(app));
    assertProblem(forbidden, 403, "forbidden");
    for (Reply reply : new Reply[] {anonymous, forbidden}) {
      assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
      assertEquals("DENY", reply.header("X-Frame-Options"), reply::toString);
      assertEquals("no-referrer", reply.header("Referrer-Policy"), reply::toString);
      assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }
  }
}
