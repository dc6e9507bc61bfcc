package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.Problems.assertSecurityHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.RawHttp;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at the edge: control characters in any header, credential, path or query value, NUL
 * in JSON strings, JSON of the wrong type, bodies of the wrong media type, and paths the servlet
 * container refuses or nothing serves. Each is a 4xx problem naming the field (never its value), on
 * H2 and on PostgreSQL alike, with no stack trace, class name or 500.
 */
class HostileInputIT {

  private static final String CONTROL = "must not contain control characters";

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static void assertNamesOnly(Reply reply, String field, String secret) {
    assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(
        CONTROL, reply.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    assertFalse(reply.body().contains(secret), "the offending value is never echoed");
  }

  @Test
  void aNulInAQueryValueIsA400NamingTheParameter() {
    Reply reply = client.get("/api/v1/audit?actor=%00");
    assertFieldErrors(reply, "query actor");
    assertNamesOnly(reply, "query actor", "%00");
    assertFieldErrors(client.get("/api/v1/applications?limit=5&cursor=a%0Db"), "query cursor");
  }

  @Test
  void aNulInABasicUserNameOrPasswordIsA400NotAFailedStore() {
    String password = "pw-" + UUID.randomUUID();
    for (String credential :
        List.of(
            SetpointClient.basic("ad\0min", password),
            SetpointClient.basic("admin", password + "\0"),
            SetpointClient.basic("admin\n", password))) {
      Reply reply = client.as(credential).get("/api/v1/applications");
      assertFieldErrors(reply, "header Authorization");
      assertNamesOnly(reply, "header Authorization", password);
    }
  }

  @Test
  void controlCharactersInHeaderValuesAreRefusedButATabIsNot() {
    for (String value : List.of("a\u0000b", "a\u0001b", "a\u001bb", "a\u007fb")) {
      Reply reply = RawHttp.get("/api/v1/system/ping", "X-Trace: " + value);
      assertFieldErrors(reply, "header X-Trace");
    }
    assertFieldErrors(RawHttp.get("/api/v1/system/ping", "Cookie: a=\u0000"), "header Cookie");
    assertEquals(200, RawHttp.get("/api/v1/system/ping", "X-Trace: a\tb").status());
  }

  @Test
  void controlCharactersAndBrokenUtf8InTheDecodedPathAreRefused() {
    for (String path :
        List.of(
            "/api/v1/applications/a%C2%85b", // C1 control (NEL)
            "/api/v1/applications/%ff", // not UTF-8
            "/api/v1/applications/%c0%af", // overlong '/'
            "/api/v1/applications/%ed%a0%80")) { // a lone surrogate
      assertFieldErrors(RawHttp.get(path), "path");
    }
  }

  @Test
  void encodedSlashesBackslashesAndDotSegmentsAreMalformedRequestProblems() {
    for (String path :
        List.of(
            "/api/v1/applications%2Fx",
            "/api/v1/applications/x%2fy",
            "/api/v1/%2e%2e/v1/system/ping",
            "/api/v1/x%5cy",
            "/api/v1/x%23y")) {
      Reply reply = RawHttp.get(path);
      assertProblem(reply, 400, "malformed-request");
      assertSecurityHeaders(reply);
      assertTrue(reply.header("X-Request-Id") != null, reply::toString);
    }
  }

  @Test
  void pathsTheContainerCannotDecodeAreRefusedWithoutItsInsides() {
    // Liberty's web container refuses these before choosing an application (docs/security.md)
    for (String path :
        List.of("/api/v1/%zz", "/api/v1/%", "/api/v1/applications/%00", "/%2e%2e/x")) {
      Reply reply = RawHttp.get(path);
      assertEquals(400, reply.status(), reply::toString);
      assertFalse(reply.body().contains("Exception"), reply::toString);
      assertFalse(reply.body().contains("at com."), reply::toString);
      assertFalse(reply.body().contains("dev.setpoint"), reply::toString);
    }
  }

  @Test
  void pathsNothingServesAreNotFoundProblems() {
    for (String path :
        List.of(
            "/nothing-here", "/api-x", "/foo.jsp", "/foo.jspx", "/WEB-INF/web.xml", "/", "/a/b")) {
      Reply reply = client.get(path);
      assertProblem(reply, 404, "not-found");
      assertSecurityHeaders(reply);
      assertTrue(reply.header("X-Request-Id") != null, reply::toString);
      assertFalse(reply.body().contains("SRVE"), reply::toString);
    }
  }

  @Test
  void nulInAnyJsonStringIsA400NamingTheField() {
    String slug = SetpointClient.uniqueSlug("nul");
    assertFieldErrors(
        client.post("/api/v1/applications", "{\"slug\":\"" + slug + "\",\"name\":\"a\\u0000b\"}"),
        "name");
    assertProblem(client.get(SetpointClient.app(slug)), 404, "not-found");

    String app = client.newApplication("nul");
    assertFieldErrors(
        client.define(app, "J", "json", "{\"a\":[\"ok\",\"b\\u0000\"]}"), "value.a[1]");
    assertFieldErrors(client.define(app, "S", "string", "\"\\u0000\""), "value");
    assertFieldErrors(
        client.put(SetpointClient.env(app, "dev") + "/secrets/K", "{\"value\":\"x\\u0000\"}"),
        "value");
  }

  @Test
  void jsonOfTheWrongTypeIsA400NamingTheField() {
    String slug = SetpointClient.uniqueSlug("types");
    assertFieldErrors(
        client.post("/api/v1/applications", "{\"slug\":\"" + slug + "\",\"name\":1.5}"), "name");
    assertProblem(client.get(SetpointClient.app(slug)), 404, "not-found");

    String app = client.newApplication("types");
    assertFieldErrors(
        client.post(SetpointClient.releases(app, "dev"), "{\"message\":0}"), "message");
    assertFieldErrors(
        client.post(
            SetpointClient.app(app) + "/environments",
            "{\"slug\":\"qa\",\"name\":\"QA\",\"production\":\"true\"}"),
        "production");
    assertFieldErrors(
        client.put(
            SetpointClient.env(app, "dev") + "/secrets/K",
            "{\"value\":\"v\",\"rotationDays\":\"30\"}"),
        "rotationDays");
    String token =
        Json.createObjectBuilder()
            .add("name", "t")
            .add("application", app)
            .add("environments", Json.createArrayBuilder().add(1))
            .build()
            .toString();
    assertFieldErrors(client.post("/api/v1/tokens", token), "environments[0]");
    assertEquals(0, client.get(SetpointClient.releases(app, "dev")).items().size());
  }

  @Test
  void settingValuesStayRawJsonNumbersOrStrings() {
    String app = client.newApplication("raw");
    assertEquals(201, client.define(app, "PORT", "integer", "8080").status());
    assertEquals(201, client.define(app, "PORT2", "integer", "\"8080\"").status());
    int overridden = client.override(app, "dev", "PORT", "\"9090\"").status();
    assertTrue(overridden == 200 || overridden == 201, () -> "override answered " + overridden);
  }

  @Test
  void aBodyOfAnotherMediaTypeIs415EvenWhereTheBodyIsOptional() {
    String app = client.newApplication("media");
    client.writeSecret(app, "dev", "K", "v-" + UUID.randomUUID());
    String releases = SetpointClient.releases(app, "dev");
    assertProblem(
        client.send("POST", releases, "hello", "text/plain"), 415, "unsupported-media-type");
    assertEquals(0, client.get(releases).items().size(), "nothing was published");
    String reveal = SetpointClient.env(app, "dev") + "/secrets/K/reveal";
    assertProblem(
        client.send("POST", reveal, "hello", "text/plain"), 415, "unsupported-media-type");
    assertEquals(201, client.send("POST", releases, null, null).status(), "no body is fine");
    assertEquals(200, client.send("POST", reveal, null, null).status(), "no body is fine");
  }

  @Test
  void methodAndRepresentationRefusalsAreProblems() {
    assertProblem(client.delete("/api/v1/system/ping"), 405, "method-not-allowed");
    assertProblem(client.get("/api/v1/applications", "Accept", "text/csv"), 406, "not-acceptable");
  }
}
