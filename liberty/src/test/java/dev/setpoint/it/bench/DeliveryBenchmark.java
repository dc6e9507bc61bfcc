package dev.setpoint.it.bench;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the delivery endpoint on a running server: requests per second and p50/p99 of
 * the 200 path (a release of 50 settings and 10 secrets, decrypted per request), the 304 path
 * ({@code If-None-Match} with the current hash), and the server's constant {@code /system/ping}
 * endpoint as the ceiling, each with the same number of concurrent keep-alive connections. Then it
 * holds a thousand watches and reads the server's thread counts from {@code /metrics}.
 *
 * <p>Arguments: base URL (default {@code http://localhost:9080}), seconds per phase (default 10),
 * connections (default 64), watchers (default 1000).
 */
public final class DeliveryBenchmark {

  private static volatile String authorization;

  private static final Pattern GAUGE =
      Pattern.compile("^(\\w+)(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

  private DeliveryBenchmark() {}

  /** One measured phase. */
  private record Result(String name, long requests, double seconds, long[] nanos) {
    double perSecond() {
      return requests / seconds;
    }

    String line() {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return String.format(
          "%-26s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (n=%d)",
          name,
          perSecond(),
          sorted[sorted.length / 2] / 1e6,
          sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
          requests);
    }
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:9080";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    int watchers = args.length > 3 ? Integer.parseInt(args[3]) : 1000;

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
    // the applications' credential: a service token, checked against the store on every request
    authorization = "Bearer " + setup.issueToken(app, "staging");
    String tag = "\"" + hash + "\"";

    System.out.printf(
        "delivery benchmark: %s, %d connections, %d s per phase, release of 50 settings and 10"
            + " secrets%n",
        baseUrl, connections, seconds);
    // warm-up of every path, then the measured phases
    load("warm-up ping", baseUrl + "/api/v1/system/ping", null, 200, connections, seconds / 2);
    load("warm-up 200", config, null, 200, connections, seconds / 2);
    load("warm-up 304", config, tag, 304, connections, seconds / 2);
    // three rounds, each path in turn, so that warm-up and noise hit every path alike
    List<Result> ceilings = new ArrayList<>();
    List<Result> fulls = new ArrayList<>();
    List<Result> notModifieds = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      ceilings.add(
          load(
              "ceiling /system/ping",
              baseUrl + "/api/v1/system/ping",
              null,
              200,
              connections,
              seconds));
      fulls.add(load("delivery 200", config, null, 200, connections, seconds));
      notModifieds.add(load("delivery 304", config, tag, 304, connections, seconds));
      System.out.printf("round %d%n", round);
      for (Result result :
          List.of(ceilings.get(round - 1), fulls.get(round - 1), notModifieds.get(round - 1))) {
        System.out.println("  " + result.line());
      }
    }
    double ceiling = median(ceilings);
    double full = median(fulls);
    double notModified = median(notModifieds);
    System.out.printf(
        "medians over 3 rounds: ceiling %.0f req/s, 200 %.0f req/s, 304 %.0f req/s%n",
        ceiling, full, notModified);
    System.out.printf(
        "200 path at %.0f%% of the ceiling (target >= 70%%), 304 path at %.0f%% (target >= 85%%)%n",
        100 * full / ceiling, 100 * notModified / ceiling);

    watch(setup, baseUrl, app, config, tag, watchers);
  }

  private static double median(List<Result> results) {
    return results.stream().mapToDouble(Result::perSecond).sorted().toArray()[results.size() / 2];
  }

  /** {@code connections} threads, each with its own keep-alive connection, for {@code seconds}. */
  private static Result load(
      String name, String url, String ifNoneMatch, int expected, int connections, int seconds)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(connections);
    List<long[]> samples = new ArrayList<>();
    long[] counts = new long[connections];
    List<Thread> threads = new ArrayList<>();
    // one client: its pool keeps one keep-alive connection per busy thread, one selector thread
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int c = 0; c < connections; c++) {
      int slot = c;
      long[] nanos = new long[200_000];
      samples.add(nanos);
      Thread thread =
          new Thread(
              () -> {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
                // the ceiling is authenticated too: it measures the stack every request goes
                // through
                builder.header("Authorization", authorization);
                if (ifNoneMatch != null) {
                  builder.header("If-None-Match", ifNoneMatch);
                }
                HttpRequest request = builder.build();
                int n = 0;
                try {
                  while (running.get() && n < nanos.length) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[n++] = System.nanoTime() - start;
                    if (response.statusCode() != expected) {
                      throw new IllegalStateException(name + ": status " + response.statusCode());
                    }
                  }
                } catch (Exception e) {
                  System.err.println(name + " connection " + slot + " failed: " + e);
                } finally {
                  counts[slot] = n;
                  done.countDown();
                }
              });
      threads.add(thread);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    running.set(false);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(samples.get(c), 0, all, at, (int) counts[c]);
      at += (int) counts[c];
    }
    return new Result(name, total, elapsed, all);
  }

  /** Holds {@code count} watches, compares the server's threads, then wakes them all at once. */
  private static void watch(
      SetpointClient setup, String baseUrl, String app, String config, String tag, int count)
      throws Exception {
    Thread.sleep(3000);
    String idle = threads(setup);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(java.util.concurrent.Executors.newFixedThreadPool(4))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config + "?wait=60"))
            .header("If-None-Match", tag)
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(90))
            .build();
    List<CompletableFuture<HttpResponse<Void>>> waiting = new ArrayList<>();
    long[] answeredAt = new long[count];
    for (int i = 0; i < count; i++) {
      int slot = i;
      waiting.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete((response, failure) -> answeredAt[slot] = System.nanoTime()));
    }
    long held;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    do {
      Thread.sleep(500);
      held = gauge(setup, "setpoint_delivery_watchers");
    } while (held < count && System.nanoTime() < deadline);
    Thread.sleep(2000);
    String holding = threads(setup);
    System.out.printf("watchers held by the server: %d of %d%n", held, count);
    System.out.printf("server threads idle       : %s%n", idle);
    System.out.printf("server threads with watches: %s%n", holding);

    setup.define(app, "setting.0", "string", "\"changed " + UUID.randomUUID() + "\"");
    long published = System.nanoTime();
    setup.publish(app, "staging");
    long publishReturned = System.nanoTime();
    long[] woken = new long[count];
    for (int i = 0; i < count; i++) {
      HttpResponse<Void> response = waiting.get(i).get(60, TimeUnit.SECONDS);
      woken[i] = answeredAt[i] - published;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("watcher " + i + " answered " + response.statusCode());
      }
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
