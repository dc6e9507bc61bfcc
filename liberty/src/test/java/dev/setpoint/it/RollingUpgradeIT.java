package dev.setpoint.it;

import static dev.setpoint.it.support.SetpointClient.config;
import static dev.setpoint.it.support.SetpointClient.env;
import static dev.setpoint.it.support.SetpointClient.releases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.PreviousRelease;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollback and rolling-upgrade procedures of docs/operations.md with the previous release's EAR
 * ({@link PreviousRelease}), on two servers sharing one PostgreSQL behind a client that tries the
 * other server when one does not answer 200 (what a load balancer on {@code /health/ready} does).
 * The new build has migrated the schema and written settings, secrets, a release and audit events;
 * then each server in turn is replaced by the previous release's server package on the same host
 * (same ports, database and master key): that code runs on the newer schema and data. It must
 * serve, reveal, write and publish there, and keep the audit chain valid. Then each server in turn
 * is upgraded back to the new build, which must see everything the old one wrote. A steady reader
 * and a watcher run throughout; a release is published while each server is down. PostgreSQL only:
 * separately started servers on the H2 file depend on the process that hosts it.
 */
class RollingUpgradeIT {

  private static final Logger LOG = Logger.getLogger(RollingUpgradeIT.class.getName());
  private static final Duration START = Duration.ofSeconds(180);

  private final Node first = new Node(TestServer.server(), TestServer.baseUrl());
  private final Node second =
      new Node(TestServer.peerServer(), System.getProperty("setpoint.it.peerUrl"));

  @BeforeAll
  static void serversAreReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    TestServer.awaitReady(System.getProperty("setpoint.it.peerUrl"), Duration.ofSeconds(120));
  }

  @Test
  void rollingBackToThePreviousReleaseAndUpgradingAgainLosesNoReadAndNoData() throws Exception {
    assumeTrue(
        "postgresql".equals(TestServer.database()),
        "needs two separately started servers on one database server");
    PreviousRelease.Lookup lookup = PreviousRelease.lookUp();
    if (lookup.release() == null) {
      LOG.warning(() -> "RollingUpgradeIT skipped: " + lookup.missing());
    }
    assumeTrue(lookup.release() != null, lookup::missing);
    PreviousRelease previous = lookup.release();
    Path key = TestServer.serverDirectory().resolve("setpoint-master-key");
    Path wlp = Path.of(System.getProperty("setpoint.it.wlp"));
    first.old = previous.server(wlp, first.server + "-previous", first.server, key);
    second.old = previous.server(wlp, second.server + "-previous", second.server, key);

    // what the new build writes before the rollback
    SetpointClient admin = first.client;
    String app = admin.newApplication("rolling");
    admin.define(app, "mode", "string", "\"before\"");
    String newSecret = "canary-" + UUID.randomUUID();
    admin.writeSecret(app, "dev", "written.new", newSecret);
    admin.publish(app, "dev");
    String token = admin.issueToken(app, "dev");
    Nodes nodes = new Nodes(List.of(first.client.withToken(token), second.client.withToken(token)));
    String path = config(app, "dev");

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Set<String> seen = new CopyOnWriteArraySet<>();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    clients.submit(() -> read(nodes, path, running, reads, failures));
    clients.submit(() -> watch(nodes, path, running, seen, failures));
    String oldSecret = "canary-" + UUID.randomUUID();
    try {
      // generous: on a loaded machine ten reads can take more than ten seconds
      assertTrue(Await.until(() -> reads.get() > 10, Duration.ofSeconds(60)), "reads are served");

      // rollback, one server at a time: new build -> previous release
      replace(second, second.server, second.old, first, app, "rollback-1", seen);
      replace(first, first.server, first.old, second, app, "rollback-2", seen);
      oldCodeWorksOnTheNewData(app, newSecret, oldSecret);

      // upgrade, one server at a time: previous release -> new build
      replace(first, first.old, first.server, second, app, "upgrade-1", seen);
      replace(second, second.old, second.server, first, app, "upgrade-2", seen);
      long before = reads.get();
      assertTrue(
          Await.until(() -> reads.get() > before + 10, Duration.ofSeconds(60)), "reads go on");
    } finally {
      running.set(false);
      clients.shutdown();
      try {
        restoreNewBuild(first);
        restoreNewBuild(second);
      } finally {
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stopped");
      }
    }

    LOG.info(
        () ->
            "rollback to "
                + previous.commit()
                + " and upgrade back: "
                + reads.get()
                + " reads, "
                + failures.size()
                + " failed");
    assertEquals(List.of(), List.copyOf(failures), "failed reads or watches");
    assertTrue(reads.get() > 100, "reads during the rollback and upgrade: " + reads.get());
    assertTrue(
        seen.containsAll(List.of("rollback-1", "rollback-2", "upgrade-1", "upgrade-2")),
        "the watcher saw every publication made while a server was down: " + seen);
    newCodeSeesWhatTheOldOneWrote(app, oldSecret);
  }

  /**
   * Both servers run the previous release on the schema the new build migrated: it serves the
   * release the new build published (and the secret it encrypted), reveals that secret, writes a
   * setting and a secret of its own and publishes them, and verifies the whole audit chain.
   */
  private void oldCodeWorksOnTheNewData(String app, String newSecret, String oldSecret) {
    SetpointClient admin = first.client;
    Reply firstRelease = admin.get(releases(app, "dev") + "/1");
    assertEquals(200, firstRelease.status(), firstRelease::toString);
    Reply revealed = admin.post(env(app, "dev") + "/secrets/written.new/reveal", "{}");
    assertEquals(200, revealed.status(), revealed::toString);
    assertEquals(newSecret, revealed.json().getString("value"));
    Reply defined = admin.define(app, "written.by", "string", "\"previous\"");
    assertEquals(201, defined.status(), defined::toString);
    admin.writeSecret(app, "dev", "written.old", oldSecret);
    admin.publish(app, "dev");
    // the other server's delivery cache follows the change log it polls
    JsonObject served = served(second.client, config(app, "dev"), "written.old", oldSecret);
    assertEquals(newSecret, served.getString("written.new"), "the new build's secret, served");
    assertEquals(oldSecret, served.getString("written.old", null), served::toString);
    assertEquals("previous", served.getString("written.by"));
    // the previous release's verify takes an event appended while it walks (the reader's delivery
    // records) for a break (fixed since, AuditService.toHead): a real break never verifies. It
    // cannot read back audit actions added after it (change requests, rollouts, bundles: written
    // by the tests that ran before this one on the same database) and answers 400 naming the
    // action then, as docs/operations.md says; the new build verifies the whole chain afterwards.
    Reply chain =
        Await.value(
            () -> second.client.get("/api/v1/audit/verify"),
            reply ->
                (reply.status() == 200 && reply.json().getBoolean("ok"))
                    || unknownActionRefused(reply),
            Duration.ofSeconds(30));
    if (chain.status() == 400) {
      LOG.info(
          "the previous release refuses this build's new audit actions in verify (documented)");
    } else {
      assertEquals(200, chain.status(), chain::toString);
      assertTrue(chain.json().getBoolean("ok"), () -> "the previous release: " + chain);
    }
  }

  /**
   * The previous release's documented refusal of an audit action it does not know, and no other.
   */
  private static boolean unknownActionRefused(Reply reply) {
    return reply.status() == 400
        && reply.json().getJsonArray("errors").getJsonObject(0).getString("field").equals("action");
  }

  /** Back on the new build: what the previous release wrote is there, the chain still verifies. */
  private void newCodeSeesWhatTheOldOneWrote(String app, String oldSecret) {
    SetpointClient admin = first.client;
    Reply revealed = admin.post(env(app, "dev") + "/secrets/written.old/reveal", "{}");
    assertEquals(200, revealed.status(), revealed::toString);
    assertEquals(oldSecret, revealed.json().getString("value"));
    Reply setting = admin.get(SetpointClient.setting(app, "written.by"));
    assertEquals(200, setting.status(), setting::toString);
    JsonObject served = served(second.client, config(app, "dev"), "mode", "upgrade-2");
    assertEquals("upgrade-2", served.getString("mode"), served::toString);
    assertEquals("previous", served.getString("written.by"));
    assertEquals(oldSecret, served.getString("written.old"));
    auditVerifies(admin, "the new build");
  }

  /** What {@code client} serves at {@code path} once {@code key} has {@code value} (or at 30 s). */
  private static JsonObject served(SetpointClient client, String path, String key, String value) {
    return Await.value(
        () -> client.get(path).json(),
        json -> value.equals(json.getString(key, null)),
        Duration.ofSeconds(30));
  }

  private static void auditVerifies(SetpointClient client, String build) {
    Reply verified = client.get("/api/v1/audit/verify");
    assertEquals(200, verified.status(), () -> build + ": " + verified);
    JsonObject chain = verified.json();
    assertTrue(chain.getBoolean("ok"), () -> build + ": " + chain);
    assertFalse(chain.containsKey("firstBrokenSequence"), chain::toString);
  }

  /**
   * Stops the server {@code from} on {@code node}'s host, publishes {@code mode} through {@code
   * other} while it is away (the watcher must see it), and starts {@code to} in its place.
   */
  private static void replace(
      Node node, String from, String to, Node other, String app, String mode, Set<String> seen)
      throws Exception {
    TestServer.serverCommand("stop", from);
    node.running = null;
    other.client.override(app, "dev", "mode", "\"" + mode + "\"");
    other.client.publish(app, "dev");
    assertTrue(
        Await.until(() -> seen.contains(mode), Duration.ofSeconds(30)),
        "the watcher saw the publication made while " + from + " was down");
    node.running = to;
    TestServer.serverCommand("start", to);
    TestServer.awaitReady(node.url, START);
  }

  /** Whatever happened, the host runs the new build again when the test ends. */
  private static void restoreNewBuild(Node node) throws Exception {
    if (node.server.equals(node.running)) {
      return;
    }
    if (node.running != null) {
      TestServer.serverCommand("stop", node.running);
    }
    TestServer.serverCommand("start", node.server);
    node.running = node.server;
    TestServer.awaitReady(node.url, START);
  }

  /** A step of the tests' own pacing: a steady reader, not a load test. */
  private static boolean pace() {
    try {
      // there is no condition to await: the reader reads at a steady rate
      TimeUnit.MILLISECONDS.sleep(20);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A steady reader: every read must be answered 200 by one server or the other. */
  private static void read(
      Nodes nodes, String path, AtomicBoolean running, AtomicLong reads, Queue<String> failures) {
    while (running.get()) {
      Reply reply = nodes.get(path);
      reads.incrementAndGet();
      if (reply == null || reply.status() != 200) {
        failures.add("read: " + (reply == null ? "no server answered" : reply));
      }
      if (!pace()) {
        return;
      }
    }
  }

  /** A watcher as an application runs it: long polls with its last ETag, on whichever server. */
  private static void watch(
      Nodes nodes, String path, AtomicBoolean running, Set<String> seen, Queue<String> failures) {
    Reply current = nodes.get(path);
    if (current == null || current.status() != 200) {
      failures.add("watch: first read " + current);
      return;
    }
    while (running.get()) {
      Reply next = nodes.get(path + "?wait=10", "If-None-Match", current.etag());
      if (next == null) {
        failures.add("watch: no server answered");
        return;
      }
      if (next.status() == 200) {
        current = next;
        seen.add(next.json().getString("mode"));
      } else if (next.status() != 304) {
        failures.add("watch: " + next);
        return;
      }
    }
  }

  /** One host: its URL, the new build's server, the previous release's, and which one runs. */
  private static final class Node {
    private final String server;
    private final String url;
    private final SetpointClient client;
    private String old;
    private volatile String running;

    Node(String server, String url) {
      this.server = server;
      this.url = url;
      this.client = new SetpointClient(url);
      this.running = server;
    }
  }

  /**
   * The client side of the load balancer: a request goes to the server whose turn it is, and to the
   * other one when that one refuses the connection or answers anything but 200 or 304.
   */
  private static final class Nodes {
    private final List<SetpointClient> servers;
    private final AtomicLong turn = new AtomicLong();

    Nodes(List<SetpointClient> servers) {
      this.servers = servers;
    }

    Reply get(String path, String... headers) {
      long start = turn.getAndIncrement();
      for (int i = 0; i < servers.size(); i++) {
        SetpointClient server = servers.get((int) ((start + i) % servers.size()));
        try {
          Reply reply = server.get(path, headers);
          if (reply.status() == 200 || reply.status() == 304) {
            return reply;
          }
        } catch (IllegalStateException e) {
          // refused or cut off: the other server's turn
        }
      }
      return null;
    }
  }
}
