package dev.setpoint.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

/**
 * A Setpoint application as the Spring client tests read it: {@code greeting} "hello", {@code
 * pool.size} 4 (8 in staging), {@code feature.on}, the secret {@code db.password} in staging (a
 * value generated now), staging published once.
 *
 * @param app the application's slug
 * @param secret the secret's value
 */
public record SpringReadApplication(String app, String secret) {

  /** Creates and publishes one, named after {@code prefix}. */
  public static SpringReadApplication create(SetpointClient admin, String prefix) {
    String app = admin.newApplication(prefix);
    ok(admin.define(app, "greeting", "string", "\"hello\""));
    ok(admin.define(app, "pool.size", "integer", "4"));
    ok(admin.define(app, "feature.on", "boolean", "true"));
    ok(admin.override(app, "staging", "pool.size", "8"));
    String secret = "canary-" + UUID.randomUUID();
    admin.writeSecret(app, "staging", "db.password", secret);
    admin.publish(app, "staging");
    return new SpringReadApplication(app, secret);
  }

  /**
   * Waits until the client application on {@code port} answers {@code /values}, and checks that it
   * shows staging's release: the settings through {@code @Value} and the Environment, the secret.
   */
  public void assertSeenBy(SpringApps.Running client, int port, Duration timeout) {
    String values = "http://127.0.0.1:" + port + "/values";
    Reply seen = Await.value(() -> SpringApps.call("GET", values), r -> r.status() == 200, timeout);
    assertEquals(200, seen.status(), () -> seen + "\n" + client.log());
    JsonObject json = seen.json();
    assertEquals("hello", json.getString("greeting"));
    assertEquals("hello", json.getString("environment.greeting"));
    assertEquals(8, json.getInt("pool.size"));
    assertEquals(secret, json.getString("db.password"));
  }

  /**
   * Publishes a new greeting in staging, asks the client application on {@code port} to refresh
   * ({@code POST /actuator/refresh}), and checks that it shows the new value.
   */
  public void assertRefreshSeenBy(SetpointClient admin, SpringApps.Running client, int port) {
    ok(admin.override(app, "staging", "greeting", "\"hello again\""));
    admin.publish(app, "staging");
    String base = "http://127.0.0.1:" + port;
    Reply refreshed =
        SpringApps.call("POST", base + "/actuator/refresh", "Content-Type", "application/json");
    assertEquals(200, refreshed.status(), () -> refreshed + "\n" + client.log());
    assertTrue(refreshed.body().contains("greeting"), refreshed::toString);
    JsonObject after = SpringApps.call("GET", base + "/values").json();
    assertEquals("hello again", after.getString("greeting"), () -> after + "\n" + client.log());
    assertEquals("hello again", after.getString("environment.greeting"));
  }

  /** A service token for staging, revoked already. */
  public String revokedToken(SetpointClient admin) {
    Reply issued = admin.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    ok(issued);
    ok(admin.delete("/api/v1/tokens/" + issued.json().getString("id")));
    return issued.json().getString("token");
  }

  /**
   * Waits until the client application ends, checks that it failed and printed no secret, and
   * returns what it printed.
   */
  public String assertStartFailed(SpringApps.Running client, Duration timeout)
      throws InterruptedException {
    assertTrue(client.ended(timeout), () -> "still running:\n" + client.log());
    assertNotEquals(0, client.process().exitValue());
    String log = client.log();
    assertFalse(log.contains(secret), "no secret in the client's output");
    return log;
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply::toString);
  }
}
