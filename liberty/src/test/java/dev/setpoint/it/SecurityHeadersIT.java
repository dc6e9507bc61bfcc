package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertSecurityHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hardening headers on answers of every kind, the API's and Liberty's own endpoints'. */
class SecurityHeadersIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void everyApiAnswerCarriesThemErrorsAndUnknownPathsIncluded() {
    String app = client.newApplication("hdr");
    List<Reply> replies =
        List.of(
            client.get("/api/v1/system/ping"),
            client.get(SetpointClient.app(app)),
            client.post("/api/v1/applications", "{\"slug\":\"Not A Slug\"}"),
            client.post("/api/v1/applications", "{not json"),
            client.get("/api/v1/applications/no-such-app"),
            client.get("/no/such/path"),
            client.delete("/api/v1/system/ping"),
            client.send("PUT", SetpointClient.app(app), "x", "text/plain"));
    List<Integer> statuses = replies.stream().map(Reply::status).toList();
    assertEquals(List.of(200, 200, 400, 400, 404, 404, 405, 415), statuses);
    for (Reply reply : replies) {
      assertSecurityHeaders(reply);
      assertNull(reply.header("Strict-Transport-Security"), "HSTS is for HTTPS answers only");
    }
  }

  @Test
  void theConsoleHasItsOwnPolicyAndTheApiKeepsItsOwn() {
    String console =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    for (String path : List.of("/console/", "/console/no-such-asset.js", "/console")) {
      Reply reply = client.anonymous().get(path);
      assertEquals(console, reply.header("Content-Security-Policy"), path + ": " + reply.status());
      assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
      assertEquals("DENY", reply.header("X-Frame-Options"), path);
    }
    for (String path : List.of("/api/v1/system/ping", "/consoles", "/api/v1/console/")) {
      assertEquals(
          "default-src 'none'; frame-ancestors 'none'",
          client.anonymous().get(path).header("Content-Security-Policy"),
          path);
    }
  }

  @Test
  void libertysOwnEndpointsCarryThemToo() {
    for (String path : List.of("/health/ready", "/metrics", "/openapi")) {
      Reply reply = client.get(path);
      assertEquals(200, reply.status(), path);
      assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
      assertEquals("DENY", reply.header("X-Frame-Options"), path);
      assertEquals("no-referrer", reply.header("Referrer-Policy"), path);
    }
  }
}
