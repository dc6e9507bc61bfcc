package dev.setpoint.it;

import static dev.setpoint.it.support.SetpointClient.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Problems;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import dev.setpoint.it.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staged rollouts with 20 simulated instances, half of them reading from each of the two servers on
 * one database: the cohort of each step (a stable hash of the instance id), manual control, and the
 * automatic rollbacks (instances that stop checking in, a health report, an alert), each timed from
 * the failure signal to the last instance back on the stable release. The servers run with a
 * detection time of {@link #DETECTION} (liberty/pom.xml).
 */
class RolloutIT {

  private static final int INSTANCES = 20;

  /** setpoint.rollouts.detection-seconds on the IT servers. */
  private static final Duration DETECTION = Duration.ofSeconds(10);

  private static final Duration SOON = Duration.ofSeconds(20);

  private final SetpointClient admin = SetpointClient.forServerUnderTest();
  private final SetpointClient peer = new SetpointClient(System.getProperty("setpoint.it.peerUrl"));

  @BeforeAll
  static void serversAreUp() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    TestServer.awaitReady(System.getProperty("setpoint.it.peerUrl"), Duration.ofSeconds(120));
  }

  /** One environment with a token, 20 instances and release 1 (mode=blue) served to them. */
  private final class Fleet {
    final String app = admin.newApplication("ro");
    final String env = "staging";
    final SetpointClient first;
    final SetpointClient second;
    final List<String> instances = new ArrayList<>();

    Fleet() {
      admin.define(app, "mode", "string", "\"blue\"");
      admin.publish(app, env);
      String token = admin.issueToken(app, env);
      first = admin.anonymous().withToken(token);
      second = peer.withToken(token);
      for (int i = 0; i < INSTANCES; i++) {
        instances.add("inst-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
      }
      assertEquals(INSTANCES, modes().values().stream().filter("blue"::equals).count());
    }

    /** The server instance {@code i} reads from: even ones the first, odd ones the second. */
    SetpointClient serverOf(int i) {
      return i % 2 == 0 ? first : second;
    }

    /** Each instance's mode as its own server serves it now. */
    Map<String, String> modes() {
      Map<String, String> modes = new LinkedHashMap<>();
      for (int i = 0; i < instances.size(); i++) {
        modes.put(instances.get(i), read(serverOf(i), instances.get(i)));
      }
      return modes;
    }

    String read(SetpointClient server, String instance) {
      Reply reply = server.get(config(app, env), "X-Setpoint-Instance", instance);
      assertEquals(200, reply.status(), reply::toString);
      return reply.json().getString("mode");
    }

    /** Publishes mode=green (release 2) as a rollout with {@code rollout} as its plan. */
    Reply publishGreen(String rollout) {
      admin.override(app, env, "mode", "\"green\"");
      return admin.post(
          SetpointClient.releases(app, env), "{\"message\":\"green\",\"rollout\":" + rollout + "}");
    }

    String rolloutPath() {
      return SetpointClient.env(app, env) + "/rollout";
    }

    JsonObject rollout() {
      Reply reply = admin.get(rolloutPath());
      assertEquals(200, reply.status(), reply::toString);
      return reply.json();
    }

    JsonObject control(String action) {
      Reply reply = admin.post(rolloutPath() + "/" + action, null);
      assertEquals(200, reply.status(), reply::toString);
      return reply.json();
    }

    /** The instances a step of {@code percent} covers, computed here from the documented hash. */
    TreeSet<String> cohort(UUID rolloutId, int percent) {
      TreeSet<String> covered = new TreeSet<>();
      for (String instance : instances) {
        if (bucket(rolloutId, instance) < percent) {
          covered.add(instance);
        }
      }
      return covered;
    }

    /** Waits until every instance, on both servers, is served {@code expected}'s modes. */
    void awaitModes(Map<String, String> expected) {
      Map<String, String> last = Await.value(this::modes, expected::equals, SOON);
      assertEquals(expected, last);
    }
  }

  static int bucket(UUID rolloutId, String instance) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((rolloutId + "/" + instance).getBytes(StandardCharsets.UTF_8));
      return (int) ((ByteBuffer.wrap(digest, 0, 8).getLong() >>> 1) % 100);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> expectedModes(List<String> instances, TreeSet<String> green) {
    Map<String, String> modes = new LinkedHashMap<>();
    instances.forEach(i -> modes.put(i, green.contains(i) ? "green" : "blue"));
    return modes;
  }

  @Test
  void eachStepServesItsCohortOnBothServersAndManualControlMovesIt() throws Exception {
    Fleet fleet = new Fleet();
    Reply published =
        fleet.publishGreen("{\"steps\":[10,50,100],\"bakeSeconds\":3600,\"stopOn\":[\"health\"]}");
    assertEquals(201, published.status(), published::toString);
    assertEquals(2, published.json().getInt("number"));

    JsonObject rollout = fleet.rollout();
    assertEquals("running", rollout.getString("state"));
    assertEquals(1, rollout.getInt("stable"));
    assertEquals(2, rollout.getInt("candidate"));
    UUID id = UUID.fromString(rollout.getString("id"));

    List<String> sizes = new ArrayList<>();
    TreeSet<String> before = new TreeSet<>();
    int[] percents = {10, 50, 100};
    for (int step = 0; step < percents.length; step++) {
      TreeSet<String> green = fleet.cohort(id, percents[step]);
      assertTrue(green.containsAll(before), "an instance on the new release stays on it");
      fleet.awaitModes(expectedModes(fleet.instances, green));
      // the counts come from stored sightings: the other server's arrive in batches (5 s)
      int expected = green.size();
      JsonObject now =
          Await.value(
              fleet::rollout,
              r ->
                  r.getJsonObject("cohorts").getInt("candidate") == expected
                      && r.getJsonObject("cohorts").getInt("stable") == INSTANCES - expected,
              SOON);
      assertEquals(step + 1, now.getInt("step"));
      assertEquals(percents[step], now.getInt("percent"));
      assertEquals(green.size(), now.getJsonObject("cohorts").getInt("candidate"), now::toString);
      assertEquals(
          INSTANCES - green.size(), now.getJsonObject("cohorts").getInt("stable"), now::toString);
      sizes.add(percents[step] + "% → " + green.size() + " of " + INSTANCES);
      // the consumers list names each instance's cohort (other servers' sightings come in batches)
      String consumers = SetpointClient.env(fleet.app, fleet.env) + "/consumers?limit=500";
      List<String> listed =
          Await.value(
              () ->
                  admin.get(consumers).items().getValuesAs(JsonObject.class).stream()
                      .filter(c -> "candidate".equals(c.getString("cohort", null)))
                      .map(c -> c.getString("instance"))
                      .sorted()
                      .toList(),
              List.copyOf(green)::equals,
              SOON);
      assertEquals(List.copyOf(green), listed);
      // a request naming no instance gets the stable release until the rollout completes
      assertEquals("blue", fleet.first.get(config(fleet.app, fleet.env)).json().getString("mode"));
      if (step == 0) {
        JsonObject paused = fleet.control("pause");
        assertEquals("paused", paused.getString("state"));
        assertEquals(409, admin.post(fleet.rolloutPath() + "/pause", null).status());
        assertEquals("running", fleet.control("resume").getString("state"));
        // an instance the next step covers is woken from its watch on the other server
        String waiting =
            fleet.cohort(id, 50).stream().filter(i -> !green.contains(i)).findFirst().orElseThrow();
        int index = fleet.instances.indexOf(waiting);
        SetpointClient server = fleet.serverOf(index);
        Reply held = server.get(config(fleet.app, fleet.env), "X-Setpoint-Instance", waiting);
        CompletableFuture<Reply> watch =
            CompletableFuture.supplyAsync(
                () ->
                    server.get(
                        config(fleet.app, fleet.env) + "?wait=30",
                        "X-Setpoint-Instance",
                        waiting,
                        "If-None-Match",
                        held.etag()));
        SetpointClient metrics = index % 2 == 0 ? admin.anonymous() : peer;
        Await.until(() -> metrics.deliveryWatchers() > 0, Duration.ofSeconds(10));
        assertFalse(watch.isDone(), "its cohort's release did not change yet");
        long advanced = System.nanoTime();
        fleet.control("advance");
        Reply woken = watch.get();
        long millis = (System.nanoTime() - advanced) / 1_000_000;
        assertEquals(200, woken.status(), woken::toString);
        assertEquals("green", woken.json().getString("mode"));
        sizes.add("watch woken " + millis + " ms after the step");
      } else if (step == 1) {
        fleet.control("advance");
      }
      before = green;
    }
    JsonObject done = fleet.control("advance");
    assertEquals("completed", done.getString("state"));
    assertEquals(100, done.getInt("percent"));
    assertEquals("green", fleet.first.get(config(fleet.app, fleet.env)).json().getString("mode"));
    assertEquals(409, admin.post(fleet.rolloutPath() + "/advance", null).status());
    System.out.println("RolloutIT cohorts per step: " + sizes);
  }

  @Test
  void instancesOnTheNewReleaseThatStopCheckingInRollItBack() throws Exception {
    Fleet fleet = new Fleet();
    try (WebhookReceiver receiver = WebhookReceiver.allowed()) {
      Reply hook =
          admin.post(
              SetpointClient.app(fleet.app) + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
      assertEquals(201, hook.status(), hook::toString);
      Reply published =
          fleet.publishGreen("{\"steps\":[50,100],\"bakeSeconds\":3600,\"stopOn\":[\"check-in\"]}");
      assertEquals(201, published.status(), published::toString);
      UUID id = UUID.fromString(fleet.rollout().getString("id"));
      TreeSet<String> green = fleet.cohort(id, 50);
      assertFalse(green.isEmpty());
      fleet.awaitModes(expectedModes(fleet.instances, green));

      // the instances on the new release check in a last time and crash; the others go on
      // checking in every 500 ms. The clock starts before that last check-in: no rollback may
      // come sooner than the detection time after it
      long crashed = System.nanoTime();
      for (int i = 0; i < fleet.instances.size(); i++) {
        if (green.contains(fleet.instances.get(i))) {
          fleet.read(fleet.serverOf(i), fleet.instances.get(i));
        }
      }
      AtomicBoolean polling = new AtomicBoolean(true);
      CompletableFuture<Void> others =
          CompletableFuture.runAsync(
              () -> {
                while (polling.get()) {
                  for (int i = 0; i < fleet.instances.size(); i++) {
                    if (!green.contains(fleet.instances.get(i))) {
                      fleet.read(fleet.serverOf(i), fleet.instances.get(i));
                    }
                  }
                  pause(500);
                }
              });
      try {
        JsonObject rolledBack =
            Await.value(
                fleet::rollout,
                r -> "rolled-back".equals(r.getString("state")),
                DETECTION.plus(SOON));
        long detected = System.nanoTime();
        assertEquals("rolled-back", rolledBack.getString("state"), rolledBack::toString);
        assertTrue(rolledBack.getString("reason").startsWith("check-in:"), rolledBack::toString);
        // the crashed instances come back: every one is on the stable content
        fleet.awaitModes(expectedModes(fleet.instances, new TreeSet<>()));
        long back = System.nanoTime();
        double toRollback = (detected - crashed) / 1e9;
        double toLast = (back - crashed) / 1e9;
        System.out.printf(
            "RolloutIT check-in loss: %d of %d instances stopped; rolled back %.1f s later"
                + " (detection %d s), last instance on the stable release %.1f s after the"
                + " failure%n",
            green.size(), INSTANCES, toRollback, DETECTION.toSeconds(), toLast);
        assertTrue(
            toRollback < DETECTION.toSeconds() + 8,
            "rolled back " + toRollback + " s after the instances stopped");
        assertTrue(toRollback >= DETECTION.toSeconds() - 1, "not before the detection time");
      } finally {
        polling.set(false);
        others.get();
      }
      JsonObject release = admin.get(SetpointClient.releases(fleet.app, fleet.env) + "/3").json();
      assertEquals(1, release.getInt("rolledBackFrom"), release::toString);
      WebhookReceiver.Received notice = receiver.await("rollout.rolled-back", 1, r -> true).get(0);
      assertTrue(notice.json().getJsonObject("data").getString("reason").startsWith("check-in:"));
      assertEquals(2, notice.json().getJsonObject("data").getInt("release"));
    }
  }

  @Test
  void aHealthReportFromAnInstanceOnTheNewReleaseRollsItBackWithinOneWatch() throws Exception {
    Fleet fleet = new Fleet();
    Reply published =
        fleet.publishGreen("{\"steps\":[50,100],\"bakeSeconds\":3600,\"stopOn\":[\"health\"]}");
    assertEquals(201, published.status(), published::toString);
    UUID id = UUID.fromString(fleet.rollout().getString("id"));
    TreeSet<String> green = fleet.cohort(id, 50);
    fleet.awaitModes(expectedModes(fleet.instances, green));
    String stable =
        fleet.instances.stream().filter(i -> !green.contains(i)).findFirst().orElseThrow();
    String failing = green.first();

    String health = SetpointClient.env(fleet.app, fleet.env) + "/consumers/%s/health";
    Reply calm = fleet.first.post(String.format(health, stable), "{\"status\":\"DOWN\"}");
    assertEquals(200, calm.status(), calm::toString);
    assertFalse(calm.json().getBoolean("rolledBack"), "an instance on the stable release");
    Reply up = fleet.second.post(String.format(health, failing), "{\"status\":\"UP\"}");
    assertFalse(up.json().getBoolean("rolledBack"));
    Reply bad = fleet.first.post(String.format(health, failing), "{\"status\":\"SICK\"}");
    assertEquals(400, bad.status(), bad::toString);
    assertTrue(bad.body().contains("status"), bad::toString);
    assertEquals("running", fleet.rollout().getString("state"));

    // every instance on the new release watches on the first server (the peer holds only three
    // watches, for TwoServersIT); the DOWN report, sent to the peer, must wake them all
    List<CompletableFuture<Reply>> watches = new ArrayList<>();
    for (int i = 0; i < fleet.instances.size(); i++) {
      String instance = fleet.instances.get(i);
      if (green.contains(instance)) {
        SetpointClient server = fleet.first;
        String tag =
            server.get(config(fleet.app, fleet.env), "X-Setpoint-Instance", instance).etag();
        watches.add(
            CompletableFuture.supplyAsync(
                () ->
                    server.get(
                        config(fleet.app, fleet.env) + "?wait=30",
                        "X-Setpoint-Instance",
                        instance,
                        "If-None-Match",
                        tag)));
      }
    }
    Await.until(
        () -> admin.anonymous().deliveryWatchers() >= watches.size(), Duration.ofSeconds(10));
    long reported = System.nanoTime();
    Reply down =
        fleet.second.post(
            String.format(health, failing), "{\"status\":\"DOWN\",\"message\":\"readiness\"}");
    assertEquals(200, down.status(), down::toString);
    assertTrue(down.json().getBoolean("rolledBack"), down::toString);
    for (CompletableFuture<Reply> watch : watches) {
      Reply woken = watch.get();
      assertEquals(200, woken.status(), woken::toString);
      assertEquals("blue", woken.json().getString("mode"));
    }
    long last = System.nanoTime();
    System.out.printf(
        "RolloutIT health report: %d watching instances on the new release, last one back on the"
            + " stable release %d ms after the DOWN report%n",
        watches.size(), (last - reported) / 1_000_000);
    assertTrue((last - reported) / 1_000_000_000.0 < DETECTION.toSeconds());
    fleet.awaitModes(expectedModes(fleet.instances, new TreeSet<>()));
    JsonObject rolledBack = fleet.rollout();
    assertEquals("rolled-back", rolledBack.getString("state"));
    assertTrue(rolledBack.getString("reason").contains(failing), rolledBack::toString);
    assertEquals(0, rolledBack.getInt("percent"));
  }

  /**
   * A publish under review carries its plan: the change request is approved by another person, and
   * applying it starts the staged rollout. The rollout is in the database, so it survives a restart
   * of the server: the same instances stay on the new release, and a health report to the restarted
   * server still rolls it back.
   */
  @Test
  void aReviewedPublishStartsItsRolloutWhichSurvivesARestart() throws Exception {
    Fleet fleet = new Fleet();
    SetpointClient reviewer = admin.newPerson("ro-reviewer", "editor", fleet.app);
    assertEquals(200, ChangeRequestsIT.setPolicy(admin, fleet.app, fleet.env, 1, null).status());
    String requests = ChangeRequestsIT.requests(fleet.app, fleet.env);
    Reply refused =
        admin.post(
            requests,
            greenThenPublish(
                Json.createObjectBuilder().add("steps", Json.createArrayBuilder().add(50))));
    Problems.assertFieldErrors(refused, "changes[1].rollout.steps");
    assertEquals(
        409,
        fleet.publishGreen("{\"steps\":[50,100]}").status(),
        "under a policy a direct publish, with a rollout or not, needs a change request");

    Reply proposed =
        admin.post(
            requests,
            greenThenPublish(
                Json.createObjectBuilder()
                    .add("steps", Json.createArrayBuilder().add(50).add(100))
                    .add("bakeSeconds", 3600)
                    .add("stopOn", Json.createArrayBuilder().add("health"))));
    assertEquals(201, proposed.status(), proposed::toString);
    String one = requests + "/" + proposed.json().getInt("number");
    JsonObject plan =
        proposed.json().getJsonArray("changes").getJsonObject(1).getJsonObject("rollout");
    assertEquals(3600, plan.getInt("bakeSeconds"), plan::toString);
    assertEquals(200, reviewer.post(one + "/approve", "{}").status());
    Reply applied = admin.send("POST", one + "/apply", null, null);
    assertEquals(200, applied.status(), applied::toString);

    JsonObject rollout = fleet.rollout();
    assertEquals("running", rollout.getString("state"), rollout::toString);
    assertEquals(2, rollout.getInt("candidate"));
    assertEquals(50, rollout.getInt("percent"));
    UUID id = UUID.fromString(rollout.getString("id"));
    TreeSet<String> green = fleet.cohort(id, 50);
    Map<String, String> half = expectedModes(fleet.instances, green);
    fleet.awaitModes(half);

    TestServer.restart();
    assertEquals(half, fleet.modes(), "the same instances are on each release after the restart");
    JsonObject after = fleet.rollout();
    assertEquals("running", after.getString("state"), after::toString);
    assertEquals(id.toString(), after.getString("id"));
    assertEquals(1, after.getInt("step"));

    String health = SetpointClient.env(fleet.app, fleet.env) + "/consumers/%s/health";
    Reply down = fleet.first.post(String.format(health, green.first()), "{\"status\":\"DOWN\"}");
    assertEquals(200, down.status(), down::toString);
    assertTrue(down.json().getBoolean("rolledBack"), down::toString);
    fleet.awaitModes(expectedModes(fleet.instances, new TreeSet<>()));
    assertEquals("rolled-back", fleet.rollout().getString("state"));
  }

  /** A change request setting mode=green, then publishing with {@code rollout} as its plan. */
  private static String greenThenPublish(jakarta.json.JsonObjectBuilder rollout) {
    return ChangeRequestsIT.proposal(
        "green",
        ChangeRequestsIT.change("set-setting", "mode", Json.createValue("green")),
        Json.createObjectBuilder().add("op", "publish").add("rollout", rollout));
  }

  @Test
  void aFiringAlertNamingTheEnvironmentRollsItBackAndAbortReturnsEveryone() {
    Fleet fleet = new Fleet();
    Reply published =
        fleet.publishGreen("{\"steps\":[50,100],\"bakeSeconds\":3600,\"stopOn\":[\"alert\"]}");
    assertEquals(201, published.status(), published::toString);
    Reply again =
        admin.post(
            SetpointClient.releases(fleet.app, fleet.env), "{\"rollout\":{\"steps\":[100]}}");
    assertEquals(409, again.status(), "one rollout at a time: " + again);

    String alert =
        "{\"version\":\"4\",\"status\":\"%s\",\"receiver\":\"setpoint\",\"alerts\":[{\"status\":"
            + "\"%s\",\"labels\":{\"alertname\":\"HighErrorRate\",\"setpoint_application\":\"%s\","
            + "\"setpoint_environment\":\"%s\"},\"annotations\":{},\"startsAt\":"
            + "\"2026-01-01T00:00:00Z\"}]}";
    Reply resolved =
        fleet.first.post(
            "/api/v1/alerts", String.format(alert, "resolved", "resolved", fleet.app, fleet.env));
    assertEquals(200, resolved.status(), resolved::toString);
    assertEquals(0, resolved.json().getJsonArray("rolledBack").size());
    Reply otherEnv =
        fleet.first.post(
            "/api/v1/alerts", String.format(alert, "firing", "firing", fleet.app, "dev"));
    assertEquals(0, otherEnv.json().getJsonArray("rolledBack").size(), "not this token's");
    assertEquals("running", fleet.rollout().getString("state"));

    Reply firing =
        fleet.second.post(
            "/api/v1/alerts", String.format(alert, "firing", "firing", fleet.app, fleet.env));
    assertEquals(200, firing.status(), firing::toString);
    assertEquals(1, firing.json().getJsonArray("rolledBack").size(), firing::toString);
    JsonObject rolledBack = fleet.rollout();
    assertEquals("rolled-back", rolledBack.getString("state"));
    assertTrue(rolledBack.getString("reason").startsWith("alert: HighErrorRate"));
    fleet.awaitModes(expectedModes(fleet.instances, new TreeSet<>()));

    // a second rollout, aborted by hand
    admin.override(fleet.app, fleet.env, "mode", "\"red\"");
    Reply red =
        admin.post(
            SetpointClient.releases(fleet.app, fleet.env),
            "{\"rollout\":{\"steps\":[50,100],\"bakeSeconds\":3600}}");
    assertEquals(201, red.status(), red::toString);
    JsonObject aborted = fleet.control("abort");
    assertEquals("aborted", aborted.getString("state"));
    assertEquals(409, admin.post(fleet.rolloutPath() + "/abort", null).status());
    fleet.awaitModes(expectedModes(fleet.instances, new TreeSet<>()));
  }

  @Test
  void aPlanThatIsNotOneIsRefusedNamingTheField() {
    Fleet fleet = new Fleet();
    Map<String, String> plans = new LinkedHashMap<>();
    plans.put("{\"steps\":[50,10,100]}", "rollout.steps[1]");
    plans.put("{\"steps\":[10,50]}", "rollout.steps");
    plans.put("{\"steps\":[]}", "rollout.steps");
    plans.put("{\"steps\":[0,100]}", "rollout.steps[0]");
    plans.put("{\"steps\":[100],\"bakeSeconds\":-1}", "rollout.bakeSeconds");
    plans.put("{\"steps\":[100],\"stopOn\":[\"moon\"]}", "rollout.stopOn[0]");
    admin.override(fleet.app, fleet.env, "mode", "\"green\"");
    for (Map.Entry<String, String> plan : plans.entrySet()) {
      Reply refused =
          admin.post(
              SetpointClient.releases(fleet.app, fleet.env), "{\"rollout\":" + plan.getKey() + "}");
      assertEquals(400, refused.status(), plan.getKey() + ": " + refused);
      assertTrue(
          refused.body().contains("\"" + plan.getValue() + "\""), plan.getKey() + ": " + refused);
    }
    assertEquals("none", fleet.rollout().getString("state"));
    assertEquals(
        1,
        admin
            .get(SetpointClient.releases(fleet.app, fleet.env))
            .json()
            .getJsonArray("items")
            .size(),
        "nothing was published");
    Reply noRollout = admin.post(fleet.rolloutPath() + "/pause", null);
    assertEquals(409, noRollout.status(), noRollout::toString);
  }

  @Test
  void aPreviousSecretVersionStaysValidUntilTheRolloutEnds() throws Exception {
    String app = admin.newApplication("ro-secret");
    admin.writeSecret(app, "dev", "api.token", "first-" + UUID.randomUUID());
    admin.publish(app, "dev");
    admin.get(config(app, "dev"), "X-Setpoint-Instance", "api-1");
    String secret = SetpointClient.env(app, "dev") + "/secrets/api.token";
    Reply rotated =
        admin.post(secret + "/rotate", "{\"value\":\"second-" + UUID.randomUUID() + "\"}");
    assertEquals(200, rotated.status(), rotated::toString);
    Reply published =
        admin.post(
            SetpointClient.releases(app, "dev"),
            "{\"rollout\":{\"steps\":[100],\"bakeSeconds\":3600,\"stopOn\":[]}}");
    assertEquals(201, published.status(), published::toString);
    // at 100 % api-1 gets release 2, which pins version 2: nothing running uses version 1 now
    Reply served = admin.get(config(app, "dev"), "X-Setpoint-Instance", "api-1");
    assertEquals("2", served.header("X-Setpoint-Release"), served::toString);

    // retirement runs after each batch of sightings (every 5 s): the absence of one cannot be
    // awaited, so two batches are let pass
    Thread.sleep(11_000);
    assertEquals("previous", versionState(secret, 1), "a rollback would serve release 1 again");

    JsonObject done = admin.post(SetpointClient.env(app, "dev") + "/rollout/advance", null).json();
    assertEquals("completed", done.getString("state"), done::toString);
    admin.get(config(app, "dev"), "X-Setpoint-Instance", "api-1");
    Await.until(() -> "retired".equals(versionState(secret, 1)), Duration.ofSeconds(20));
    assertEquals("retired", versionState(secret, 1), "the rollout ended: nothing needs it");
  }

  private String versionState(String secret, int number) {
    return admin.get(secret).json().getJsonArray("versions").getValuesAs(JsonObject.class).stream()
        .filter(v -> v.getInt("version") == number)
        .findFirst()
        .orElseThrow()
        .getString("state");
  }

  private static void pause(long millis) {
    try {
      // the surviving instances' poll interval: a steady rhythm, nothing to await
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
