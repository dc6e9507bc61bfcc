package dev.setpoint.it.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** Assertions on RFC 9457 problem responses, as every error must be. */
public final class Problems {

  private Problems() {}

  /** Asserts a complete problem body with this status and type; returns it for further checks. */
  public static JsonObject assertProblem(Reply reply, int status, String typeSuffix) {
    assertEquals(status, reply.status(), () -> "status of " + reply);
    assertTrue(
        reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
        () -> "content type of " + reply + " was " + reply.contentType());
    JsonObject problem = reply.json();
    assertAll(
        () -> assertEquals("urn:setpoint:problem:" + typeSuffix, problem.getString("type")),
        () -> assertEquals(status, problem.getInt("status")),
        () -> assertFalse(problem.getString("title").isBlank()),
        () -> assertFalse(problem.getString("detail").isBlank()),
        () -> assertTrue(problem.getString("instance").startsWith("/")),
        () -> assertEquals(reply.header("X-Request-Id"), problem.getString("requestId")),
        () -> assertFalse(reply.body().contains("Exception"), "no exception names leak"),
        () -> assertFalse(reply.body().contains("dev.setpoint."), "no class names leak"));
    return problem;
  }

  /** Asserts a 400 validation problem naming exactly these fields. */
  public static JsonObject assertFieldErrors(Reply reply, String... fields) {
    return assertFieldErrors(reply, 400, "validation", fields);
  }

  /** Asserts a problem of this status and type whose errors name exactly these fields. */
  public static JsonObject assertFieldErrors(
      Reply reply, int status, String typeSuffix, String... fields) {
    JsonObject problem = assertProblem(reply, status, typeSuffix);
    List<String> named =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .distinct()
            .sorted()
            .toList();
    assertEquals(List.of(fields).stream().sorted().toList(), named, () -> "fields of " + reply);
    problem
        .getJsonArray("errors")
        .getValuesAs(JsonObject.class)
        .forEach(e -> assertNotNull(e.get("message"), "every field error says the rule"));
    return problem;
  }

  /** Asserts the hardening headers the application puts on every answer of its own. */
  public static void assertSecurityHeaders(Reply reply) {
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
    assertEquals("DENY", reply.header("X-Frame-Options"), reply::toString);
    assertEquals(
        "default-src 'none'; frame-ancestors 'none'",
        reply.header("Content-Security-Policy"),
        reply::toString);
    assertEquals("no-referrer", reply.header("Referrer-Policy"), reply::toString);
  }

  public static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : null;
  }
}
