package dev.setpoint.it.bench;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load benchmark of the delivery endpoint on a running server. Each round runs four phases with the
 * same number of concurrent keep-alive connections:
 *
 * <ul>
 *   <li>the anonymous {@code /system/ping}, a constant answer through the same filters: the ceiling
 *       of the HTTP and JAX-RS stack on this machine;
 *   <li>the same ping with the service token: what authentication adds;
 *   <li>the 200 path (a release of 50 settings and 10 secrets) and the 304 path ({@code
 *       If-None-Match} with the current hash), both with the token.
 * </ul>
 *
 * When the server runs on this machine (its process id from {@code -Dbenchmark.pid} or Liberty's
 * pid file), each phase also reports the server's CPU time per request and its resident memory.
 * Then the 200 and 304 paths run at half their highest rate, on a fixed schedule, for the latency
 * percentiles at that load. Last, it holds a thousand watches and reads the server's thread counts
 * from {@code /metrics}.
 *
 * <p>Arguments: base URL (default {@code http://localhost:9080}), seconds per phase (default 10),
 * connections (default 64), watchers (default 1000).
 */
public final class DeliveryBenchmark {

  private static volatile String authorization;

  private static final Pattern GAUGE =
      Pattern.compile("^(\\w+)(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

  private DeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:9080";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    int watchers = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    ServerProcess server =
        ServerProcess.find(
            System.getProperty("benchmark.pid"),
            Path.of(
                System.getProperty("setpoint.it.wlp", "liberty/target/liberty/wlp"),
                "usr/servers/.pid",
                System.getProperty("setpoint.it.server", "setpoint") + ".pid"));
    LoadGenerator load = new LoadGenerator(server);

    SetpointClient setup = new SetpointClient(baseUrl);
    String app = setup.newApplication("bench");
    for (int i = 0; i < 50; i++) {
      setup.define(
          app,
          "setting." + i,
          "string",
          "\"value of setting " + i + " " + UUID.randomUUID() + "\"");
    }
    for (int i = 0; i < 10; i++) {
      setup.writeSecret(app, "staging", "secret." + i, UUID.randomUUID().toString());
    }
    String hash = setup.publish(app, "staging").getString("hash");
    String config = baseUrl + SetpointClient.config(app, "staging");
    // the applications' credential: a service token
    authorization = "Bearer " + setup.issueToken(app, "staging");
    String tag = "\"" + hash + "\"";
    HttpRequest anonymousPing = request(baseUrl + "/api/v1/system/ping", false, null);
    HttpRequest tokenPing = request(baseUrl + "/api/v1/system/ping", true, null);
    HttpRequest full = request(config, true, null);
    HttpRequest notModified = request(config, true, tag);

    System.out.printf(
        "delivery benchmark: %s, %d connections, %d s per phase, release of 50 settings and 10"
            + " secrets, server process %s%n",
        baseUrl, connections, seconds, server == null ? "not on this machine" : server.pid());
    // warm-up of every path, then the measured phases
    load.closed("warm-up ping", anonymousPing, 200, connections, seconds / 2);
    load.closed("warm-up ping with token", tokenPing, 200, connections, seconds / 2);
    load.closed("warm-up 200", full, 200, connections, seconds / 2);
    load.closed("warm-up 304", notModified, 304, connections, seconds / 2);
    // three rounds, each path in turn, so that warm-up and noise hit every path alike
    List<List<LoadGenerator.Phase>> phases =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int round = 1; round <= 3; round++) {
      phases.get(0).add(load.closed("ceiling: ping", anonymousPing, 200, connections, seconds));
      phases.get(1).add(load.closed("ping with token", tokenPing, 200, connections, seconds));
      phases.get(2).add(load.closed("delivery 200", full, 200, connections, seconds));
      phases.get(3).add(load.closed("delivery 304", notModified, 304, connections, seconds));
      System.out.printf("round %d%n", round);
      for (List<LoadGenerator.Phase> path : phases) {
        System.out.println("  " + path.get(round - 1).line());
      }
    }
    System.out.println("medians over 3 rounds:");
    for (List<LoadGenerator.Phase> path : phases) {
      System.out.println("  " + median(path).line());
    }
    double ceiling = median(phases.get(0)).perSecond();
    System.out.printf(
        "ping with token at %.0f%%, 200 path at %.0f%% (target >= 70%%), 304 path at %.0f%% (target"
            + " >= 85%%) of the anonymous ping%n",
        100 * median(phases.get(1)).perSecond() / ceiling,
        100 * median(phases.get(2)).perSecond() / ceiling,
        100 * median(phases.get(3)).perSecond() / ceiling);
    System.out.printf(
        "server CPU per request (target <= 0.25 ms for deliveries): %s%n",
        phases.stream()
            .map(
                path ->
                    String.format(
                        "%s %.3f ms", path.get(0).name(), median(path).serverCpuMillisPerRequest()))
            .collect(Collectors.joining(", ")));

    System.out.println("at half the highest rate, on a fixed schedule (target p99 < 10 ms):");
    for (int path = 2; path <= 3; path++) {
      double half = median(phases.get(path)).perSecond() / 2;
      LoadGenerator.Phase paced =
          load.open(
              phases.get(path).get(0).name() + " at " + Math.round(half) + "/s",
              path == 2 ? full : notModified,
              path == 2 ? 200 : 304,
              connections,
              seconds,
              half);
      System.out.println("  " + paced.line());
    }
    if (server != null) {
      System.out.printf(
          "server resident memory: %.0f MiB now, %.0f MiB at most%n",
          server.rssMiB(), server.peakRssMiB());
    }

    watch(setup, server, app, config, tag, watchers);
  }

  /** The phase with the median rate. */
  private static LoadGenerator.Phase median(List<LoadGenerator.Phase> results) {
    return results.stream()
        .sorted(Comparator.comparingDouble(LoadGenerator.Phase::perSecond))
        .toList()
        .get(results.size() / 2);
  }

  private static HttpRequest request(String url, boolean withToken, String ifNoneMatch) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
    if (withToken) {
      builder.header("Authorization", authorization);
    }
    if (ifNoneMatch != null) {
      builder.header("If-None-Match", ifNoneMatch);
    }
    return builder.build();
  }

  /** Holds {@code count} watches, compares the server's threads, then wakes them all at once. */
  private static void watch(
      SetpointClient setup, ServerProcess server, String app, String config, String tag, int count)
      throws Exception {
    Thread.sleep(3000);
    String idle = threads(setup);
    long heapIdle = heapAfterCollection(setup, server);
    // Ten thousand watchers are ten thousand processes in production; here they are sockets read
    // by one selector thread (RawWatchers: the JDK HttpClient's own parsing of the answers, on the
    // same two cores, decided the time of the last answer instead of the server)
    RawWatchers watches =
        new RawWatchers(
            URI.create(config + "?wait=60"),
            count,
            "If-None-Match",
            tag,
            "Authorization",
            authorization);
    long held;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30 + count / 500);
    do {
      Thread.sleep(500);
      held = gauge(setup, "setpoint_delivery_watchers");
    } while (held < count && System.nanoTime() < deadline);
    Thread.sleep(2000);
    String holding = threads(setup);
    long heapHolding = heapAfterCollection(setup, server);
    System.out.printf(
        "watchers held by the server: %d of %d (plain sockets, one selector thread)%n",
        held, count);
    System.out.printf("server threads idle       : %s%n", idle);
    System.out.printf("server threads with watches: %s%n", holding);
    System.out.printf(
        "heap after a collection: %.1f MiB idle, %.1f MiB with the watches, %.2f KiB per watcher%n",
        heapIdle / 1048576.0,
        heapHolding / 1048576.0,
        (heapHolding - heapIdle) / 1024.0 / Math.max(1, held));
    if (server != null) {
      System.out.printf(
          "server resident memory with the watches: %.0f MiB (at most %.0f MiB)%n",
          server.rssMiB(), server.peakRssMiB());
    }

    setup.define(app, "setting.0", "string", "\"changed " + UUID.randomUUID() + "\"");
    long published = System.nanoTime();
    setup.publish(app, "staging");
    long publishReturned = System.nanoTime();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (watches.answered() < count && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    long[] answeredAt = watches.answeredAt();
    int[] statuses = watches.statuses();
    watches.close();
    long[] woken = new long[count];
    for (int i = 0; i < count; i++) {
      if (statuses[i] != 200) {
        throw new IllegalStateException("watcher " + i + " answered " + statuses[i]);
      }
      woken[i] = answeredAt[i] - published;
    }
    Arrays.sort(woken);
    System.out.printf(
        "publish call took %.0f ms; watchers answered, counted from the start of the publish call:"
            + " first %.0f ms, median %.0f ms, last %.0f ms (all %d with 200)%n",
        (publishReturned - published) / 1e6,
        woken[0] / 1e6,
        woken[count / 2] / 1e6,
        woken[count - 1] / 1e6,
        count);
    System.exit(0);
  }

  /**
   * The server's used heap just after a full collection, so what is live rather than garbage: asks
   * for one with {@code jcmd GC.run} when the server's process is known here (same machine), then
   * reads {@code memory_usedHeap_bytes}.
   */
  private static long heapAfterCollection(SetpointClient setup, ServerProcess server)
      throws InterruptedException {
    if (server != null) {
      try {
        new ProcessBuilder("jcmd", Long.toString(server.pid()), "GC.run")
            .redirectErrorStream(true)
            .start()
            .waitFor();
      } catch (java.io.IOException e) {
        System.out.println("(no jcmd: heap read without a collection)");
      }
    }
    Thread.sleep(500);
    return gauge(setup, "memory_usedHeap_bytes");
  }

  private static String threads(SetpointClient setup) {
    return String.format(
        "jvm threads %d, default executor pool size %d, active %d",
        gauge(setup, "thread_count"),
        gauge(setup, "threadpool_size"),
        gauge(setup, "threadpool_activeThreads"));
  }

  /** The first sample of a Prometheus metric whose name starts with {@code name}, or -1. */
  private static long gauge(SetpointClient setup, String name) {
    Reply metrics = setup.get("/metrics", "Accept", "text/plain");
    Matcher m = GAUGE.matcher(metrics.body());
    while (m.find()) {
      if (m.group(1).startsWith(name)) {
        return (long) Double.parseDouble(m.group(3));
      }
    }
    return -1;
  }
}
