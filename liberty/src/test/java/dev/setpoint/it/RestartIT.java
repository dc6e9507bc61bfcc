package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data written before a server restart is there after it (the H2 file and PostgreSQL alike). */
class RestartIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void dataSurvivesARestart() throws Exception {
    String app = client.newApplication("durable");
    assertEquals(201, client.define(app, "POOL_SIZE", "integer", "10").status());
    assertEquals(201, client.override(app, "production", "POOL_SIZE", "50").status());

    TestServer.restart();

    assertEquals(200, client.get(SetpointClient.app(app)).status());
    assertEquals(
        50,
        client.get(SetpointClient.override(app, "production", "POOL_SIZE")).json().getInt("value"));
    assertEquals(10, client.get(SetpointClient.setting(app, "POOL_SIZE")).json().getInt("value"));
  }
}
