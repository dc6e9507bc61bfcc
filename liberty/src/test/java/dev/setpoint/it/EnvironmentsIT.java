package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.SetpointClient.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnvironmentsIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void addReadUpdateAndRemoveAnEnvironment() {
    String app = client.newApplication("envs");
    Reply created = client.createEnvironment(app, "qa", false);
    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Location").endsWith(env(app, "qa")));
    assertFalse(created.json().getBoolean("production"));

    Reply updated =
        client.put(
            env(app, "qa"), "{\"name\":\"QA\",\"production\":true}", "If-Match", created.etag());
    assertEquals(200, updated.status(), updated::toString);
    assertTrue(updated.json().getBoolean("production"));
    assertEquals("QA", client.get(env(app, "qa")).json().getString("name"));

    assertProblem(
        client.put(env(app, "qa"), "{\"name\":\"Stale\"}", "If-Match", created.etag()),
        412,
        "precondition-failed");

    assertEquals(204, client.delete(env(app, "qa")).status());
    assertProblem(client.get(env(app, "qa")), 404, "not-found");
  }

  @Test
  void duplicateEnvironmentIsAConflict() {
    String app = client.newApplication("envdup");
    assertProblem(client.createEnvironment(app, "staging", false), 409, "conflict");
  }

  @Test
  void environmentOfUnknownApplicationIsNotFound() {
    assertProblem(
        client.createEnvironment(SetpointClient.uniqueSlug("none"), "qa", false), 404, "not-found");
    assertProblem(client.get(env(client.newApplication("envs"), "nowhere")), 404, "not-found");
  }

  @Test
  void invalidEnvironmentFieldsAreNamed() {
    String app = client.newApplication("envbad");
    assertFieldErrors(
        client.post(SetpointClient.app(app) + "/environments", "{\"slug\":\"QA!\",\"name\":\" \"}"),
        "name",
        "slug");
    assertFieldErrors(client.get(env(app, "Bad_Env")), "env");
  }

  @Test
  void removingAnEnvironmentRemovesItsOverridesOnly() {
    String app = client.newApplication("envrm");
    assertEquals(201, client.define(app, "TIMEOUT", "duration", "\"PT5S\"").status());
    assertEquals(201, client.createEnvironment(app, "qa", false).status());
    assertEquals(201, client.override(app, "qa", "TIMEOUT", "\"PT1M\"").status());
    assertEquals(201, client.override(app, "dev", "TIMEOUT", "\"PT2M\"").status());

    assertEquals(204, client.delete(env(app, "qa")).status());

    assertEquals(200, client.get(SetpointClient.override(app, "dev", "TIMEOUT")).status());
    assertEquals(201, client.createEnvironment(app, "qa", false).status());
    assertProblem(client.get(SetpointClient.override(app, "qa", "TIMEOUT")), 404, "not-found");
  }
}
