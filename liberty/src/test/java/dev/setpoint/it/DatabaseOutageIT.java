package dev.setpoint.it;

import static dev.setpoint.it.support.JsonFields.healthCheck;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.Problems.assertSecurityHeaders;
import static dev.setpoint.it.support.SetpointClient.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.PostgresServer;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running server: delivery keeps serving what it has cached,
 * readiness stays up but says degraded, everything else answers 503, and all of it recovers on its
 * own when the database is back. PostgreSQL only: the build's server can be stopped and started,
 * the embedded H2 lives inside the Setpoint server.
 */
class DatabaseOutageIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void deliveryServesItsCacheWhileTheDatabaseIsDown() throws Exception {
    assumeTrue(
        "postgresql".equals(TestServer.database()),
        "needs a database server that can be stopped under Setpoint");
    String app = client.newApplication("outage");
    client.define(app, "mode", "string", "\"steady\"");
    String value = "canary-" + UUID.randomUUID();
    client.writeSecret(app, "dev", "db.password", value);
    client.publish(app, "dev");
    client.publish(app, "staging");
    // applications read with a service token, checked against the store until it goes away
    SetpointClient delivery = client.withToken(client.issueToken(app, "dev", "staging"));
    Reply before = delivery.get(config(app, "dev"));
    assertEquals(200, before.status(), before::toString);

    PostgresServer database =
        PostgresServer.ofBuild(Path.of(System.getProperty("setpoint.it.serverEnv")));
    database.pause();
    try {
      Reply cached = delivery.get(config(app, "dev"));
      assertEquals(200, cached.status(), cached::toString);
      assertEquals(before.body(), cached.body());
      assertEquals(before.etag(), cached.etag());
      assertEquals(304, delivery.get(config(app, "dev"), "If-None-Match", before.etag()).status());

      Reply ready = client.get("/health/ready");
      assertEquals(200, ready.status(), ready::toString);
      JsonObject check = healthCheck(ready.json(), "setpoint-database");
      assertTrue(check.getJsonObject("data").getBoolean("degraded"), ready::toString);
      assertEquals(false, check.getJsonObject("data").getBoolean("reachable"));

      Reply uncached = delivery.get(config(app, "staging"));
      assertProblem(uncached, 503, "unavailable");
      // a 5xx carries the same security headers as any other answer
      assertSecurityHeaders(uncached);
      Reply write = client.define(app, "other", "string", "\"x\"");
      assertProblem(write, 503, "unavailable");
      assertTrue(write.header("Retry-After") != null, write::toString);
    } finally {
      database.resume();
    }

    assertTrue(
        Await.until(this::reachable, Duration.ofSeconds(60)), "the database is reachable again");
    client.override(app, "dev", "mode", "\"recovered\"");
    client.publish(app, "dev");
    assertEquals("recovered", delivery.get(config(app, "dev")).json().getString("mode"));
    assertEquals(value, delivery.get(config(app, "dev")).json().getString("db.password"));
  }

  private boolean reachable() {
    Reply ready = client.get("/health/ready");
    return ready.status() == 200
        && healthCheck(ready.json(), "setpoint-database")
            .getJsonObject("data")
            .getBoolean("reachable");
  }
}
