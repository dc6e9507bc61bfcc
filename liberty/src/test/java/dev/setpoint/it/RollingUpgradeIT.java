package dev.setpoint.it;

import static dev.setpoint.it.support.SetpointClient.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
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
 * The rolling procedure of docs/operations.md on two servers sharing one PostgreSQL, behind a
 * client that tries the other server when one does not answer 200 (what a load balancer on {@code
 * /health/ready} does): each server in turn is stopped and started again while a steady reader and
 * a watcher run. The build has one EAR, so the "new build" is the same EAR; what this proves is
 * that the procedure loses no read and no publication. PostgreSQL only: separately started servers
 * on the H2 file depend on the process that hosts it.
 */
class RollingUpgradeIT {

  private static final Logger LOG = Logger.getLogger(RollingUpgradeIT.class.getName());
  private static final Duration START = Duration.ofSeconds(180);

  private final SetpointClient first = SetpointClient.forServerUnderTest();
  private final SetpointClient second =
      new SetpointClient(System.getProperty("setpoint.it.peerUrl"));

  @BeforeAll
  static void serversAreReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    TestServer.awaitReady(System.getProperty("setpoint.it.peerUrl"), Duration.ofSeconds(120));
  }

  @Test
  void restartingEachServerInTurnLosesNoReadAndNoPublication() throws Exception {
    assumeTrue(
        "postgresql".equals(TestServer.database()),
        "needs two separately started servers on one database server");
    String app = first.newApplication("rolling");
    first.define(app, "mode", "string", "\"before\"");
    first.publish(app, "dev");
    String token = first.issueToken(app, "dev");
    Nodes nodes = new Nodes(List.of(first.withToken(token), second.withToken(token)));
    String path = config(app, "dev");

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Set<String> seen = new CopyOnWriteArraySet<>();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    clients.submit(() -> read(nodes, path, running, reads, failures));
    clients.submit(() -> watch(nodes, path, running, seen, failures));
    try {
      assertTrue(Await.until(() -> reads.get() > 10, Duration.ofSeconds(10)), "reads are served");

      // each server in turn is stopped, a release is published through the other one while it is
      // away, and it is started again (the new build); the watcher must see each publication
      upgrade(TestServer.server(), TestServer.baseUrl(), second, app, "during", seen);
      upgrade(
          TestServer.peerServer(),
          System.getProperty("setpoint.it.peerUrl"),
          first,
          app,
          "after",
          seen);
      long before = reads.get();
      assertTrue(
          Await.until(() -> reads.get() > before + 10, Duration.ofSeconds(10)), "reads go on");
    } finally {
      running.set(false);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stopped");
    }

    LOG.info(() -> "rolling upgrade: " + reads.get() + " reads, " + failures.size() + " failed");
    assertEquals(List.of(), List.copyOf(failures), "failed reads or watches");
    assertTrue(reads.get() > 100, "reads during the upgrade: " + reads.get());
    assertEquals("after", second.get(path).json().getString("mode"));
    Reply verified = first.get("/api/v1/audit/verify");
    assertEquals(200, verified.status(), verified::toString);
    JsonObject chain = verified.json();
    assertTrue(chain.getBoolean("ok"), chain::toString);
    assertFalse(chain.containsKey("firstBrokenSequence"), chain::toString);
  }

  /** Stops {@code server}, publishes {@code mode} through {@code other}, starts it again. */
  private static void upgrade(
      String server, String url, SetpointClient other, String app, String mode, Set<String> seen)
      throws Exception {
    TestServer.serverCommand("stop", server);
    other.override(app, "dev", "mode", "\"" + mode + "\"");
    other.publish(app, "dev");
    assertTrue(
        Await.until(() -> seen.contains(mode), Duration.ofSeconds(30)),
        "the watcher saw the publication made while " + server + " was down");
    TestServer.serverCommand("start", server);
    TestServer.awaitReady(url, START);
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
      try {
        // pacing: a steady reader, not a load test; there is no condition to await
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
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
