package dev.setpoint.it;

import static dev.setpoint.it.support.SetpointClient.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Setpoint servers on one database, as in production behind a load balancer: what is published
 * on one reaches the other's cache and watchers within about a second.
 */
class TwoServersIT {

  private final SetpointClient first = SetpointClient.forServerUnderTest();
  private final SetpointClient second =
      new SetpointClient(System.getProperty("setpoint.it.peerUrl"));

  @BeforeAll
  static void serversAreUp() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    SetpointClient peer = new SetpointClient(System.getProperty("setpoint.it.peerUrl"));
    boolean up =
        Await.until(
            () -> {
              try {
                return peer.get("/api/v1/system/ping").status() == 200;
              } catch (IllegalStateException e) {
                return false; // not listening yet
              }
            },
            Duration.ofSeconds(120));
    if (!up) {
      throw new AssertionError("the second server did not come up");
    }
  }

  @Test
  void aPublishOnOneServerReachesTheOthersCacheAndWatchersWithinASecond() throws Exception {
    String app = first.newApplication("two");
    first.define(app, "mode", "string", "\"blue\"");
    first.publish(app, "dev");

    Reply cached = second.get(config(app, "dev"));
    assertEquals(200, cached.status(), cached::toString);
    assertEquals("blue", cached.json().getString("mode"));
    String tag = cached.etag();

    CompletableFuture<Reply> watching =
        CompletableFuture.supplyAsync(
            () -> second.get(config(app, "dev") + "?wait=30", "If-None-Match", tag));
    second.awaitWatching();
    assertFalse(watching.isDone(), "the second server holds the watch");

    first.override(app, "dev", "mode", "\"green\"");
    long published = System.nanoTime();
    first.publish(app, "dev");
    Reply woken = watching.get();
    long millis = (System.nanoTime() - published) / 1_000_000;

    assertEquals(200, woken.status(), woken::toString);
    assertEquals("green", woken.json().getString("mode"));
    assertTrue(millis < 1500, "the other server answered " + millis + " ms after the publish");
    assertEquals("green", second.get(config(app, "dev")).json().getString("mode"));
  }

  @Test
  void aReleaseReadOnTheOtherServerIsTheSameRelease() {
    String app = first.newApplication("same");
    first.define(app, "limit", "integer", "5");
    String hash = first.publish(app, "staging").getString("hash");
    Reply there = second.get(config(app, "staging") + "?format=properties");
    assertEquals("\"" + hash + "\"", there.etag());
    assertEquals("limit=5\n", there.body());
    assertEquals(304, second.get(config(app, "staging"), "If-None-Match", there.etag()).status());
  }

  /** The peer servers run with {@code setpoint.delivery.max-watches=3} (liberty/pom.xml). */
  @Test
  void aServerRefusesWatchesBeyondItsLimitWithRetryAfterAndKeepsServing() throws Exception {
    String app = first.newApplication("full");
    first.define(app, "mode", "string", "\"blue\"");
    first.publish(app, "dev");
    String tag = second.get(config(app, "dev")).etag();
    String watch = config(app, "dev") + "?wait=30";
    java.util.List<CompletableFuture<Reply>> held = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(CompletableFuture.supplyAsync(() -> second.get(watch, "If-None-Match", tag)));
    }
    assertTrue(
        Await.until(() -> second.deliveryWatchers() == 3, Duration.ofSeconds(10)),
        "the peer holds three watches");

    Reply refused = second.get(watch, "If-None-Match", tag);
    assertEquals(503, refused.status(), refused::toString);
    assertEquals("application/problem+json", refused.contentType());
    assertEquals("5", refused.header("Retry-After"));
    assertTrue(refused.body().contains("as many watches"), refused.body());
    assertEquals(200, second.get(config(app, "dev")).status(), "reads without wait still served");
    assertEquals(304, second.get(config(app, "dev"), "If-None-Match", tag).status());

    first.override(app, "dev", "mode", "\"green\"");
    first.publish(app, "dev");
    for (CompletableFuture<Reply> waiting : held) {
      Reply woken = waiting.get();
      assertEquals(200, woken.status(), woken::toString);
      assertEquals("green", woken.json().getString("mode"));
    }
    String newTag = second.get(config(app, "dev")).etag();
    Reply admitted = second.get(config(app, "dev") + "?wait=1", "If-None-Match", newTag);
    assertEquals(304, admitted.status(), "a watch is admitted again once places are free");
  }
}
