package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Oversized, overdeep and overlong input gets a clear 4xx problem, and nothing is stored. */
class InputLimitsIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String bigSettingBody(int bytes) {
    return "{\"type\":\"string\",\"value\":\"" + "x".repeat(bytes) + "\"}";
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    String app = client.newApplication("big");
    Reply refused = client.put(SetpointClient.setting(app, "big"), bigSettingBody(1_100_000));
    assertProblem(refused, 413, "body-too-large");
    assertEquals(404, client.get(SetpointClient.setting(app, "big")).status(), "nothing stored");
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
    String app = client.newApplication("chunk");
    byte[] body = bigSettingBody(1_100_000).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(TestServer.baseUrl() + SetpointClient.setting(app, "big")))
            .header("Content-Type", "application/json")
            .header("Authorization", SetpointClient.basic("admin", TestServer.adminPassword()))
            // no length known in advance: sent chunked
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode(), response.body());
    assertEquals(404, client.get(SetpointClient.setting(app, "big")).status(), "nothing stored");
  }

  @Test
  void deeplyNestedJsonIsRefusedWith400() {
    String app = client.newApplication("deep");
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Reply refused =
        client.put(
            SetpointClient.setting(app, "deep"), "{\"type\":\"json\",\"value\":" + deep + "}");
    assertEquals(400, refused.status(), refused::toString);
    assertEquals(404, client.get(SetpointClient.setting(app, "deep")).status(), "nothing stored");
  }

  @Test
  void overlongStringsAreRefusedNamingTheField() {
    String app = client.newApplication("long");
    assertFieldErrors(
        client.put(SetpointClient.app(app), "{\"name\":\"" + "n".repeat(201) + "\"}"), "name");
    assertFieldErrors(
        client.put(SetpointClient.setting(app, "s"), bigSettingBody(70_000)), "value");
  }
}
