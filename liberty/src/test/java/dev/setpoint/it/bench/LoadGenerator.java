package dev.setpoint.it.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one HTTP request at a server from many keep-alive connections and measures what it costs:
 * requests per second, latency percentiles and, when the server's process is known, its CPU time
 * per request and its resident memory. Nothing here knows Setpoint: any request, any server.
 *
 * <p>Two kinds of phase:
 *
 * <ul>
 *   <li>{@link #closed}: every connection sends its next request as soon as the last is answered,
 *       so the phase finds the most the server (and this client, on the same machine) can do;
 *   <li>{@link #open}: requests are sent on a fixed schedule at a given rate, and each latency is
 *       counted from the time the request was due, not from when it was sent, so a stall shows up
 *       in the percentiles instead of just slowing the client down (no coordinated omission).
 * </ul>
 */
public final class LoadGenerator {

  private static final int MAX_SAMPLES_PER_CONNECTION = 400_000;

  private final ServerProcess server;

  /** {@code server} may be null: then no CPU or memory is reported. */
  public LoadGenerator(ServerProcess server) {
    this.server = server;
  }

  /**
   * One measured phase: {@code requests} answered within its {@code seconds}, the latencies of all
   * (sorted), the server's CPU time over the same window. {@code serverCpuNanos} and {@code rssMiB}
   * are -1 when not measured.
   */
  public record Phase(
      String name,
      long requests,
      double seconds,
      long[] sortedNanos,
      long serverCpuNanos,
      double rssMiB) {

    public double perSecond() {
      return requests / seconds;
    }

    /** The latency at quantile {@code q} (0..1), in milliseconds. */
    public double percentileMillis(double q) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(sortedNanos.length * q) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** Server CPU time per request in milliseconds, or NaN when not measured. */
    public double serverCpuMillisPerRequest() {
      return serverCpuNanos < 0 || requests == 0 ? Double.NaN : serverCpuNanos / 1e6 / requests;
    }

    public String line() {
      return String.format(
          "%-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  server CPU %s ms/req"
              + "  RSS %s MiB  (n=%d)",
          name,
          perSecond(),
          percentileMillis(0.50),
          percentileMillis(0.99),
          percentileMillis(0.999),
          Double.isNaN(serverCpuMillisPerRequest())
              ? "-"
              : String.format("%.3f", serverCpuMillisPerRequest()),
          rssMiB < 0 ? "-" : String.format("%.0f", rssMiB),
          requests);
    }
  }

  /**
   * Ad-hoc load, e.g. while a profiler records: {@code url seconds connections [expected status]
   * [Header: value]...}; {@code -Dbenchmark.pid} names the server process for its CPU time.
   */
  public static void main(String[] args) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(args[0])).GET();
    int expected = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    for (int i = 4; i < args.length; i++) {
      int colon = args[i].indexOf(':');
      request.header(args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim());
    }
    ServerProcess server = ServerProcess.find(System.getProperty("benchmark.pid"), null);
    Phase phase =
        new LoadGenerator(server)
            .closed(
                "load " + args[0],
                request.build(),
                expected,
                Integer.parseInt(args[2]),
                Integer.parseInt(args[1]));
    System.out.println(phase.line());
  }

  /** As many requests as {@code connections} connections get answered in {@code seconds}. */
  public Phase closed(String name, HttpRequest request, int expected, int connections, int seconds)
      throws InterruptedException {
    return run(name, request, expected, connections, seconds, 0);
  }

  /** {@code rate} requests per second spread over {@code connections}, for {@code seconds}. */
  public Phase open(
      String name, HttpRequest request, int expected, int connections, int seconds, double rate)
      throws InterruptedException {
    if (rate <= 0) {
      throw new IllegalArgumentException("rate must be positive");
    }
    return run(name, request, expected, connections, seconds, rate);
  }

  private Phase run(
      String name, HttpRequest request, int expected, int connections, int seconds, double rate)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(connections);
    List<long[]> samples = new ArrayList<>();
    long[] counts = new long[connections];
    // throughput counts the requests answered within the window; a slow straggler after it does
    // not stretch the phase
    java.util.concurrent.atomic.LongAdder inWindow = new java.util.concurrent.atomic.LongAdder();
    List<Thread> threads = new ArrayList<>();
    // one client: its pool keeps one keep-alive connection per busy thread, one selector thread
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // in an open phase, connection c sends the requests due at start + (k * connections + c) / rate
    long interval = rate > 0 ? (long) (1e9 * connections / rate) : 0;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < connections; c++) {
      int slot = c;
      long[] nanos = new long[MAX_SAMPLES_PER_CONNECTION];
      samples.add(nanos);
      long first = rate > 0 ? start + (long) (1e9 * c / rate) : start;
      threads.add(
          new Thread(
              () -> {
                int n = 0;
                long due = first;
                try {
                  while (running.get() && n < nanos.length) {
                    long now = System.nanoTime();
                    if (now < due) {
                      LockSupport.parkNanos(due - now);
                      continue;
                    }
                    long from = rate > 0 ? due : now;
                    HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long answered = System.nanoTime();
                    nanos[n++] = answered - from;
                    if (answered <= end) {
                      inWindow.increment();
                    }
                    if (response.statusCode() != expected) {
                      throw new IllegalStateException(name + ": status " + response.statusCode());
                    }
                    due = rate > 0 ? due + interval : 0;
                  }
                } catch (Exception e) {
                  System.err.println(name + " connection " + slot + " failed: " + e);
                } finally {
                  counts[slot] = n;
                  done.countDown();
                }
              },
              "load-" + c));
    }
    threads.forEach(Thread::start);
    LockSupport.parkNanos(start - System.nanoTime());
    long cpuBefore = server == null ? -1 : server.cpuNanos();
    long began = System.nanoTime();
    LockSupport.parkNanos(end - began);
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(end - System.nanoTime());
    }
    long cpu = server == null ? -1 : server.cpuNanos() - cpuBefore;
    double elapsed = (System.nanoTime() - began) / 1e9;
    long answered = inWindow.sum();
    running.set(false);
    done.await();
    double rss = server == null ? -1 : server.rssMiB();
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(samples.get(c), 0, all, at, (int) counts[c]);
      at += (int) counts[c];
    }
    Arrays.sort(all);
    return new Phase(name, answered, elapsed, all, cpu, rss);
  }
}
