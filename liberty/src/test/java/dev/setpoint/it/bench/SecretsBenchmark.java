package dev.setpoint.it.bench;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import java.util.Arrays;
import java.util.UUID;

/**
 * Measures the cost of a secret write ({@code PUT}) and of a reveal over HTTP against a running
 * server, one client thread, after a warm-up. Prints median and p99 in milliseconds.
 *
 * <p>Arguments: base URL (default {@code http://localhost:9080}), calls per operation (default
 * 3000).
 */
public final class SecretsBenchmark {

  private SecretsBenchmark() {}

  public static void main(String[] args) {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:9080";
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    SetpointClient client = new SetpointClient(baseUrl);
    String app = client.newApplication("bench");
    String path = SetpointClient.env(app, "staging") + "/secrets/";

    run(client, path, 300, true);
    run(client, path, 300, false);
    long[] writes = run(client, path, calls, true);
    long[] reveals = run(client, path, calls, false);
    System.out.printf("secret write : %s%n", summary(writes));
    System.out.printf("secret reveal: %s%n", summary(reveals));
  }

  private static long[] run(SetpointClient client, String path, int calls, boolean write) {
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      String key = "BENCH_" + (i % 50);
      long start = System.nanoTime();
      Reply reply =
          write
              ? client.put(path + key, "{\"value\":\"" + UUID.randomUUID() + "\"}")
              : client.post(path + key + "/reveal", "{}");
      nanos[i] = System.nanoTime() - start;
      if (reply.status() >= 300) {
        throw new IllegalStateException((write ? "write" : "reveal") + " failed: " + reply);
      }
    }
    return nanos;
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "n=%d median=%.2f ms p99=%.2f ms",
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
  }
}
