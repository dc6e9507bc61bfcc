package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import dev.setpoint.it.support.WebhookReceiver;
import dev.setpoint.it.support.WebhookReceiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against loopback receivers this test starts: signed payloads for release publications
 * and readiness findings, retries with backoff against a receiver that fails twice, and the target
 * rule (inward addresses refused at registration, and again before each send). The IT servers allow
 * 127.0.0.1 only; nothing here registers or contacts a non-loopback address.
 */
class WebhooksIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  /** Both servers on the database: either may send a delivery. */
  private final List<SetpointClient> servers =
      List.of(admin, new SetpointClient(System.getProperty("setpoint.it.peerUrl")));

  private WebhookReceiver receiver;

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private JsonObject register(String app, String url) {
    Reply created = admin.post(SetpointClient.app(app) + "/webhooks", urlBody(url));
    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Cache-Control").contains("no-store"), created::toString);
    return created.json();
  }

  private static String urlBody(String url) {
    return Json.createObjectBuilder().add("url", url).build().toString();
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
    receiver = WebhookReceiver.allowed();
    String app = admin.newApplication("hooks");
    JsonObject created = register(app, receiver.url());
    String secret = created.getString("secret");
    assertTrue(secret.startsWith("whsec_"), created::toString);
    String id = created.getJsonObject("webhook").getString("id");
    assertFalse(
        admin.get(SetpointClient.app(app) + "/webhooks").body().contains(secret),
        "the secret is shown once");

    assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());
    Received published = receiver.await("release.published", 1, r -> true).get(0);
    assertSigned(published, secret);
    JsonObject payload = published.json();
    assertEquals(app, payload.getString("application"));
    assertEquals("staging", payload.getString("environment"));
    assertEquals(1, payload.getJsonObject("data").getInt("release"));

    assertEquals(201, admin.define(app, "LOG_LEVEL", "string", "\"info\"").status());
    assertEquals(201, admin.override(app, "production", "LOG_LEVEL", "\"debug\"").status());
    Received opened =
        receiver
            .await("finding.opened", 1, r -> r.body().contains("verbose-logging-in-production"))
            .get(0);
    assertSigned(opened, secret);
    assertEquals("LOG_LEVEL", opened.json().getJsonObject("data").getString("key"));
    assertFalse(opened.body().contains("\"debug\""), "no value in the payload");

    JsonObject delivered =
        awaitDelivery(app, id, d -> d.getString("status").equals("delivered"), "delivered");
    assertEquals(1, delivered.getInt("attempts"), delivered::toString);
    assertEquals("delivered", delivered.getString("lastOutcome"), delivered::toString);
  }

  @Test
  void aFailingReceiverIsRetriedWithGrowingWaits() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(2);
    receiver =
        WebhookReceiver.allowed()
            .answering(
                r ->
                    "release.published".equals(r.header("X-Setpoint-Event"))
                            && failuresLeft.getAndDecrement() > 0
                        ? 500
                        : 204);
    String app = admin.newApplication("hooks-retry");
    String id = register(app, receiver.url()).getJsonObject("webhook").getString("id");
    double retriesBefore = retriesCounted();
    assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());

    List<Received> attempts = receiver.await("release.published", 3, r -> true);
    String delivery = attempts.get(0).header("X-Setpoint-Delivery");
    assertTrue(attempts.stream().allMatch(a -> delivery.equals(a.header("X-Setpoint-Delivery"))));
    Duration first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
    Duration second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
    assertTrue(first.toMillis() >= 900, () -> "first wait " + first);
    assertTrue(second.toMillis() >= 1800, () -> "second wait doubles: " + second);

    JsonObject state =
        awaitDelivery(
            app,
            id,
            d -> d.getString("id").equals(delivery) && d.getString("status").equals("delivered"),
            "delivered after retries");
    assertEquals(3, state.getInt("attempts"));
    assertEquals(204, state.getInt("lastResponseStatus"));
    // either server may have sent the failed attempts: their counters together moved by two
    double counted = retriesCounted() - retriesBefore;
    assertTrue(counted >= 2, () -> "retries are counted by outcome on the servers: " + counted);
  }

  /** {@code setpoint_webhook_deliveries_total{outcome="retry"}} summed over both servers. */
  private double retriesCounted() {
    double sum = 0;
    for (SetpointClient server : servers) {
      Reply metrics = server.get("/metrics", "Accept", "text/plain");
      assertEquals(200, metrics.status(), metrics::toString);
      sum +=
          metrics
              .body()
              .lines()
              .filter(l -> l.startsWith("setpoint_webhook_deliveries_total"))
              .filter(l -> l.contains("outcome=\"retry\""))
              .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .sum();
    }
    return sum;
  }

  @Test
  void badWebhooksAreRefused() {
    String app = admin.newApplication("hooks-bad");
    String withCredentials = "http://someone:canary-" + UUID.randomUUID() + "@127.0.0.1/";
    for (String url : List.of("ftp://127.0.0.1/x", "not a url", withCredentials)) {
      Reply refused = admin.post(SetpointClient.app(app) + "/webhooks", urlBody(url));
      assertProblem(refused, 400, "validation");
      assertTrue(refused.body().contains("\"url\""), refused::toString);
      assertFalse(refused.body().contains("canary-"), "no credential is echoed");
    }
    SetpointClient viewer = admin.newPerson("hooks-viewer", "viewer", app);
    assertEquals(
        403,
        viewer.post(SetpointClient.app(app) + "/webhooks", urlBody("http://127.0.0.1/")).status());
  }

  @Test
  void inwardTargetsAreRefusedAtRegistrationInEverySpelling() {
    String app = admin.newApplication("hooks-inward");
    for (String url :
        List.of(
            "http://127.0.0.2/hook",
            "http://[::1]/",
            "http://localhost.localdomain.invalid@127.0.0.3/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://[::ffff:127.0.0.2]/",
            "http://[64:ff9b::7f00:2]/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://192.168.0.1/",
            "http://[fd00::1]/",
            "http://0.0.0.0/",
            "http://224.0.0.1/")) {
      Reply refused = admin.post(SetpointClient.app(app) + "/webhooks", urlBody(url));
      JsonObject problem = assertFieldErrors(refused, "url");
      String rule = problem.getJsonArray("errors").getJsonObject(0).getString("message");
      assertTrue(
          rule.contains("must not lead to")
              || rule.contains("a.b.c.d")
              || rule.contains("without credentials"),
          () -> url + " → " + rule);
    }
    assertEquals(
        "[]", admin.get(SetpointClient.app(app) + "/webhooks").body().replaceAll("\\s", ""));
  }

  @Test
  void aTargetRefusedAtSendTimeIsNeverContacted() throws Exception {
    // listens on 127.0.0.2, which the servers do not allow
    receiver = WebhookReceiver.refused();
    String app = admin.newApplication("hooks-rebind");
    String id =
        register(app, "http://127.0.0.1:" + receiver.port() + "/hook")
            .getJsonObject("webhook")
            .getString("id");
    // as a host name that now resolves elsewhere would: the stored target leads to 127.0.0.2
    storeUrl(id, receiver.url());

    assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());
    JsonObject refused =
        awaitDelivery(app, id, d -> d.getString("status").equals("failed"), "refused");
    assertEquals("refused-target", refused.getString("lastOutcome"), refused::toString);
    assertEquals("refused-target", refused.getString("lastError"), refused::toString);
    assertEquals(1, refused.getInt("attempts"), "a refusal is not retried");
    assertEquals(List.of(), receiver.received(), "the refused receiver was never contacted");
  }

  @Test
  void aWebhookWhoseSecretCannotBeOpenedFailsAndTheOthersAreSent() throws Exception {
    receiver = WebhookReceiver.allowed();
    String app = admin.newApplication("hooks-keyless");
    String broken =
        register(app, receiver.url() + "/broken").getJsonObject("webhook").getString("id");
    String good = register(app, receiver.url() + "/good").getJsonObject("webhook").getString("id");
    try {
      // as if wrapped by a master key that no server has loaded
      update("update webhooks set secret_key_id = ? where id = ?", "k-not-loaded", broken);

      assertEquals(201, admin.post(SetpointClient.releases(app, "staging"), "{}").status());
      Predicate<JsonObject> publication = d -> d.getString("event").equals("release.published");
      awaitDelivery(
          app, good, publication.and(d -> d.getString("status").equals("delivered")), "delivered");
      JsonObject failed =
          awaitDelivery(
              app, broken, publication.and(d -> d.getString("status").equals("failed")), "failed");
      assertEquals("signing-key-unavailable", failed.getString("lastOutcome"), failed::toString);
      // (findings queued before the key id was changed may have gone out, properly signed)
      assertTrue(
          receiver.received().stream()
              .noneMatch(
                  r ->
                      r.path().endsWith("/broken")
                          && "release.published".equals(r.header("X-Setpoint-Event"))),
          "the publication was not sent to the webhook that cannot sign it");
    } finally {
      assertEquals(
          204, admin.delete(SetpointClient.app(app) + "/webhooks/" + broken).status(), "clean up");
    }
  }

  private static void storeUrl(String webhook, String url) throws Exception {
    update("update webhooks set url = ? where id = ?", url, webhook);
  }

  private static void update(String sql, String value, String webhook) throws Exception {
    try (Connection db = StoredData.connect();
        PreparedStatement update = db.prepareStatement(sql)) {
      update.setString(1, value);
      update.setObject(2, UUID.fromString(webhook));
      assertEquals(1, update.executeUpdate());
    }
  }

  /** Waits (up to 30 s) until one of the webhook's deliveries matches {@code which}. */
  private JsonObject awaitDelivery(
      String app, String webhook, Predicate<JsonObject> which, String what)
      throws InterruptedException {
    List<JsonObject> seen =
        Await.value(
            () -> deliveries(app, webhook),
            found -> found.stream().anyMatch(which),
            Duration.ofSeconds(30));
    return seen.stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no delivery " + what + " among " + seen));
  }

  private List<JsonObject> deliveries(String app, String webhook) {
    Reply reply = admin.get(SetpointClient.app(app) + "/webhooks/" + webhook + "/deliveries");
    assertEquals(200, reply.status(), reply::toString);
    return Json.createReader(new StringReader(reply.body()))
        .readArray()
        .getValuesAs(JsonObject.class);
  }
}
