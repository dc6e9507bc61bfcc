package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Service tokens: shown once, stored as a hash, scoped, expiring, revoked at once everywhere. */
class TokensIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private String appWithRelease(String prefix) {
    return appWithRelease(prefix, true);
  }

  /** Without a secret when a peer serves it (MasterKeyRotationIT may have re-keyed the first). */
  private String appWithRelease(String prefix, boolean secret) {
    String app = admin.newApplication(prefix);
    admin.define(app, "mode", "string", "\"on\"");
    if (secret) {
      admin.writeSecret(app, "staging", "db.password", "canary-" + UUID.randomUUID());
    }
    admin.publish(app, "staging");
    admin.publish(app, "dev");
    return app;
  }

  @Test
  void theTokenIsShownOnceAndOnlyItsHashIsStored() throws Exception {
    String app = appWithRelease("tok");
    Reply issued = admin.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    assertEquals(201, issued.status(), issued::toString);
    assertTrue(issued.header("Cache-Control").contains("no-store"), issued::toString);
    String token = issued.json().getString("token");
    String id = issued.json().getString("id");
    assertTrue(token.matches("stp_[A-Za-z0-9_-]{43}"), "stp_ and 256 bits in base64url");

    Reply listed = admin.get("/api/v1/tokens?limit=500");
    assertFalse(listed.body().contains(token), "a list never shows the token");
    JsonObject shown =
        listed.items().getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("id").equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals(token.substring(0, 8), shown.getString("prefix"));
    assertEquals("active", shown.getString("status"));

    try (Connection db = StoredData.connect();
        PreparedStatement query =
            db.prepareStatement("select * from service_tokens where id = ?")) {
      query.setObject(1, UUID.fromString(id));
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "the token's row");
        assertEquals(sha256(token), row.getString("token_hash"));
        for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
          String value = row.getString(c);
          assertFalse(
              value != null && value.contains(token.substring(8)),
              "column " + row.getMetaData().getColumnName(c) + " holds the token");
        }
      }
    }
  }

  @Test
  void aTokenReadsOnlyTheEnvironmentsOfItsScopeAndNothingElse() {
    String app = appWithRelease("scope");
    SetpointClient pod = admin.withToken(admin.issueToken(app, "staging"));
    Reply served = pod.get(SetpointClient.config(app, "staging"));
    assertEquals(200, served.status(), served::toString);
    assertEquals("on", served.json().getString("mode"));
    assertProblem(pod.get(SetpointClient.config(app, "dev")), 403, "forbidden");
    assertProblem(pod.get(SetpointClient.env(app, "staging") + "/secrets"), 403, "forbidden");
    assertProblem(
        pod.post("/api/v1/applications", "{\"slug\":\"x-y\",\"name\":\"X\"}"), 403, "forbidden");

    JsonObject used = token(app);
    assertNotNull(used.get("lastUsedAt"), "the use is recorded: " + used);
  }

  @Test
  void anExpiredTokenStopsWorking() throws Exception {
    String app = appWithRelease("exp");
    Instant expiry = Instant.now().plusSeconds(2);
    Reply issued =
        admin.post("/api/v1/tokens", SetpointClient.tokenRequest(app, expiry, "staging"));
    SetpointClient pod = admin.withToken(issued.json().getString("token"));
    assertEquals(200, pod.get(SetpointClient.config(app, "staging")).status());
    // the wiring of expiry on a real server, asserted once: the passing of the expiry is itself
    // the condition (TokenExpiryTest covers the rule with a moved clock)
    while (Instant.now().isBefore(expiry.plusMillis(100))) {
      Thread.sleep(50);
    }
    Reply refused = pod.get(SetpointClient.config(app, "staging"));
    assertProblem(refused, 401, "unauthenticated");
    assertTrue(refused.header("WWW-Authenticate").contains("invalid_token"), refused::toString);
    assertEquals("expired", token(app).getString("status"));

    Reply past =
        admin.post(
            "/api/v1/tokens",
            SetpointClient.tokenRequest(app, Instant.now().minusSeconds(5), "staging"));
    assertProblem(past, 400, "validation");
  }

  @Test
  void revocationTakesEffectAtOnceHereAndWithinAPollOnEveryOtherServer() throws Exception {
    String app = appWithRelease("rev", false);
    Reply issued = admin.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    String token = issued.json().getString("token");
    SetpointClient pod = admin.withToken(token);
    SetpointClient peerPod =
        new SetpointClient(System.getProperty("setpoint.it.peerUrl")).withToken(token);
    assertEquals(200, pod.get(SetpointClient.config(app, "staging")).status());
    assertEquals(200, peerPod.get(SetpointClient.config(app, "staging")).status());

    assertEquals(204, admin.delete("/api/v1/tokens/" + issued.json().getString("id")).status());
    // the server that revoked it: the very next request
    assertProblem(pod.get(SetpointClient.config(app, "staging")), 401, "unauthenticated");
    // another server: as soon as its change poll (every 500 ms) sees the revocation
    long revoked = System.nanoTime();
    Reply peer =
        Await.value(
            () -> peerPod.get(SetpointClient.config(app, "staging")),
            r -> r.status() != 200,
            Duration.ofSeconds(2));
    assertProblem(peer, 401, "unauthenticated");
    long millis = (System.nanoTime() - revoked) / 1_000_000;
    assertTrue(millis < 1500, "the peer refused it after " + millis + " ms");
    assertEquals("revoked", token(app).getString("status"));
  }

  @Test
  void aWatchWhoseTokenIsRevokedGetsNothingMore() throws Exception {
    String app = appWithRelease("revwatch");
    Reply issued = admin.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    SetpointClient pod = admin.withToken(issued.json().getString("token"));
    String tag = pod.get(SetpointClient.config(app, "staging")).etag();
    CompletableFuture<Reply> watching =
        CompletableFuture.supplyAsync(
            () ->
                pod.get(SetpointClient.config(app, "staging") + "?wait=30", "If-None-Match", tag));
    admin.awaitWatching();

    admin.delete("/api/v1/tokens/" + issued.json().getString("id"));
    admin.override(app, "staging", "mode", "\"changed\"");
    admin.publish(app, "staging");
    Reply woken = watching.get(20, TimeUnit.SECONDS);
    assertProblem(woken, 401, "unauthenticated");
    assertFalse(woken.body().contains("changed"), woken::toString);
  }

  private JsonObject token(String app) {
    return admin.get("/api/v1/tokens?limit=500").items().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("application").equals(app))
        .findFirst()
        .orElseThrow();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
