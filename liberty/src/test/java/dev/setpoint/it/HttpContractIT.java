package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP rules every endpoint shares: problem bodies, media types, methods, request ids. */
class HttpContractIT {

  private static final String APPLICATIONS = "/api/v1/applications";

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void malformedJsonIsABadRequestWithItsPosition() {
    Reply reply = client.post(APPLICATIONS, "{\"slug\":\"abc\",");
    JsonObject problem = assertProblem(reply, 400, "malformed-body");
    assertTrue(problem.getString("detail").contains("line 1"), problem::toString);
  }

  @Test
  void anEmptyBodyIsABadRequest() {
    assertProblem(client.post(APPLICATIONS, ""), 400, "malformed-body");
  }

  @Test
  void aBodyOfTheWrongShapeIsABadRequest() {
    assertProblem(client.post(APPLICATIONS, "[1,2]"), 400, "malformed-body");
  }

  @Test
  void anUnknownPropertyIsRefusedByName() {
    String slug = SetpointClient.uniqueSlug("unknown");
    Reply reply =
        client.post(APPLICATIONS, "{\"slug\":\"" + slug + "\",\"name\":\"X\",\"colour\":\"red\"}");
    JsonObject problem = assertProblem(reply, 400, "unknown-property");
    assertEquals("colour", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertProblem(client.get(SetpointClient.app(slug)), 404, "not-found");
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported() {
    Reply reply =
        client.send("POST", APPLICATIONS, "slug=abc", "application/x-www-form-urlencoded");
    assertProblem(reply, 415, "unsupported-media-type");
  }

  @Test
  void askingForAnotherRepresentationIsNotAcceptable() {
    Reply reply = client.get(APPLICATIONS, "Accept", "application/xml");
    assertProblem(reply, 406, "not-acceptable");
  }

  @Test
  void anUnsupportedMethodIsNotAllowedAndSaysWhatIs() {
    String app = client.newApplication("methods");
    Reply reply = client.send("PATCH", SetpointClient.app(app), "{}", "application/json");
    assertProblem(reply, 405, "method-not-allowed");
    String allow = reply.header("Allow");
    assertTrue(allow != null && allow.contains("GET") && allow.contains("PUT"), () -> allow);
  }

  @Test
  void anUnknownPathIsNotFound() {
    assertProblem(client.get("/api/v1/no-such-thing"), 404, "not-found");
  }

  @Test
  void aSaneRequestIdIsEchoed() {
    String id = "it-" + SetpointClient.uniqueSlug("req");
    Reply reply = client.get(APPLICATIONS + "?limit=1", "X-Request-Id", id);
    assertEquals(200, reply.status());
    assertEquals(id, reply.header("X-Request-Id"));

    Reply problem = client.get("/api/v1/no-such-thing", "X-Request-Id", id);
    assertEquals(id, assertProblem(problem, 404, "not-found").getString("requestId"));
  }

  @Test
  void anInsaneRequestIdIsReplaced() {
    Reply reply =
        client.get(APPLICATIONS + "?limit=1", "X-Request-Id", "<script>alert(1)</script>");
    String id = reply.header("X-Request-Id");
    assertNotEquals("<script>alert(1)</script>", id);
    assertTrue(id.matches("[0-9a-f-]{36}"), id);
  }

  @Test
  void everyRequestGetsAnIdEvenWithoutOne() {
    String first = client.get(APPLICATIONS + "?limit=1").header("X-Request-Id");
    String second = client.get(APPLICATIONS + "?limit=1").header("X-Request-Id");
    assertTrue(first != null && second != null);
    assertNotEquals(first, second);
  }
}
