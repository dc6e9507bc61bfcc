package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a receiver this test starts: signed payloads for release publications and
 * readiness findings, and retries with backoff against a receiver that fails twice.
 */
class WebhooksIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer receiver;

  private record Received(Map<String, List<String>> headers, String body, Instant at) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private String startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  Map.copyOf(exchange.getRequestHeaders()),
                  new String(body, StandardCharsets.UTF_8),
                  Instant.now()));
          boolean publication =
              "release.published".equals(exchange.getRequestHeaders().getFirst("X-Setpoint-Event"));
          int status = publication && failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private JsonObject register(String app, String url) {
    Reply created = admin.post(SetpointClient.app(app) + "/webhooks", "{\"url\":\"" + url + "\"}");
    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Cache-Control").contains("no-store"), created::toString);
    return created.json();
  }

  private List<Received> await(String event, int count) throws InterruptedException {
    return await(event, count, r -> true);
  }

  private List<Received> await(
      String event, int count, java.util.function.Predicate<Received> which)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<Received> matching =
          received.stream()
              .filter(r -> event.equals(r.header("X-Setpoint-Event")))
              .filter(which)
              .toList();
      if (matching.size() >= count) {
        return matching;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("expected " + count + " " + event + " deliveries, got " + received);
  }

  private static void assertSigned(Received delivery, String secret) throws Exception {
    String header = delivery.header("X-Setpoint-Signature");
    String[] parts = header.split(",");
    String timestamp = parts[0].substring("t=".length());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
    assertEquals("v1=" + expected, parts[1], "the signature covers timestamp and body");
    long skew = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
    assertTrue(skew < 60, "the timestamp is current");
  }

  @Test
  void aPublicationAndANewFindingArriveSigned() throws Exception {
    String url = startReceiver();
    String app = admin.newApplication("hooks");
    JsonObject created = register(app, url);
    String secret = created.getString("secret");
    assertTrue(secret.startsWith("whsec_"), created::toString);
    String id = created.getJsonObject("webhook").getString("id");
    assertFalse(
        admin.get(SetpointClient.app(app) + "/webhooks").body().contains(secret),
        "the secret is shown once");

    assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());
    Received published = await("release.published", 1).get(0);
    assertSigned(published, secret);
    JsonObject payload = published.json();
    assertEquals(app, payload.getString("application"));
    assertEquals("staging", payload.getString("environment"));
    assertEquals(1, payload.getJsonObject("data").getInt("release"));

    assertEquals(201, admin.define(app, "LOG_LEVEL", "string", "\"info\"").status());
    assertEquals(201, admin.override(app, "production", "LOG_LEVEL", "\"debug\"").status());
    Received opened =
        await("finding.opened", 1, r -> r.body().contains("verbose-logging-in-production")).get(0);
    assertSigned(opened, secret);
    assertEquals("LOG_LEVEL", opened.json().getJsonObject("data").getString("key"));
    assertFalse(opened.body().contains("\"debug\""), "no value in the payload");

    Reply deliveries = admin.get(SetpointClient.app(app) + "/webhooks/" + id + "/deliveries");
    assertEquals(200, deliveries.status(), deliveries::toString);
    assertTrue(
        array(deliveries).stream()
            .anyMatch(d -> d.getString("status").equals("delivered") && d.getInt("attempts") == 1),
        deliveries::toString);
  }

  @Test
  void aFailingReceiverIsRetriedWithGrowingWaits() throws Exception {
    String url = startReceiver();
    failuresLeft.set(2);
    String app = admin.newApplication("hooks-retry");
    String id = register(app, url).getJsonObject("webhook").getString("id");
    assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());

    List<Received> attempts = await("release.published", 3);
    String delivery = attempts.get(0).header("X-Setpoint-Delivery");
    assertTrue(attempts.stream().allMatch(a -> delivery.equals(a.header("X-Setpoint-Delivery"))));
    Duration first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
    Duration second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
    assertTrue(first.toMillis() >= 900, () -> "first wait " + first);
    assertTrue(second.toMillis() >= 1800, () -> "second wait doubles: " + second);

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    JsonObject state = null;
    while (System.nanoTime() < deadline) {
      state =
          array(admin.get(SetpointClient.app(app) + "/webhooks/" + id + "/deliveries")).stream()
              .filter(d -> d.getString("id").equals(delivery))
              .findFirst()
              .orElseThrow();
      if (state.getString("status").equals("delivered")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("delivered", state.getString("status"), String.valueOf(state));
    assertEquals(3, state.getInt("attempts"));
    assertEquals(204, state.getInt("lastResponseStatus"));
    String metrics = admin.get("/metrics", "Accept", "text/plain").body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l -> l.startsWith("setpoint_webhook_deliveries_total") && l.contains("retry")),
        "retries are counted by outcome");
  }

  private static List<JsonObject> array(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return Json.createReader(new StringReader(reply.body()))
        .readArray()
        .getValuesAs(JsonObject.class);
  }

  @Test
  void badWebhooksAreRefused() {
    String app = admin.newApplication("hooks-bad");
    String withCredentials =
        "https://someone:canary-" + java.util.UUID.randomUUID() + "@example.com/";
    for (String url : List.of("ftp://example.com/x", "not a url", withCredentials)) {
      Reply refused =
          admin.post(
              SetpointClient.app(app) + "/webhooks",
              Json.createObjectBuilder().add("url", url).build().toString());
      assertProblem(refused, 400, "validation");
      assertTrue(refused.body().contains("\"url\""), refused::toString);
    }
    SetpointClient viewer = admin.newPerson("hooks-viewer", "viewer", app);
    assertEquals(
        403,
        viewer
            .post(SetpointClient.app(app) + "/webhooks", "{\"url\":\"https://x.example\"}")
            .status());
  }
}
