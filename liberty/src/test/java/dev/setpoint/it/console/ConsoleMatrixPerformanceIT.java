package dev.setpoint.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * First paint of the environment matrix for 500 keys × 5 environments, measured in the browser: the
 * console marks {@code setpoint:matrix-painted} two frames after the table is attached, and its
 * start time counts from the navigation (modules, session, every environment's data, one DOM
 * build). Reported (test output and {@code matrix-benchmark-<db>.txt} beside the screenshots) and
 * recorded in docs/benchmarks.md against the one-second target; a performance target is a
 * measurement, not an assertion, so a loaded machine makes this report slow, not the build red.
 * What it asserts is that the matrix shows all 500 keys over the five environments.
 */
class ConsoleMatrixPerformanceIT {

  private static final int KEYS = 500;
  private static final int RUNS = 5;

  @RegisterExtension static final OpenBrowser OPEN = new OpenBrowser();

  private final Browser browser = OPEN.browser();
  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @Test
  void theMatrixOf500KeysAndFiveEnvironmentsIsPaintedAndTimed() throws Exception {
    // a measurement of the browser's work once the data is in: taken on the production
    // database only, which saves the build 35-40 s (ConsoleIT covers the matrix on both)
    assumeTrue(
        "postgresql".equals(TestServer.database()),
        "measured on PostgreSQL, the production database");
    String app = seeded();
    new SignInPage(browser).open().signIn(Person.admin());
    List<Double> times = new ArrayList<>();
    List<String> phases = new ArrayList<>();
    for (int run = 0; run <= RUNS; run++) {
      browser.load("#/apps/" + app);
      MatrixPage matrix = new MatrixPage(browser);
      matrix.awaitPainted();
      List<?> marks =
          (List<?>)
              browser.script(
                  "return ['requested', 'data', 'painted'].map(m =>"
                      + " performance.getEntriesByName('setpoint:matrix-' + m)[0].startTime);");
      double painted = ((Number) marks.get(2)).doubleValue();
      if (run > 0) {
        times.add(painted); // the first load warms the server's and the browser's caches
        phases.add(
            String.format(
                java.util.Locale.ROOT,
                "%.0f/%.0f/%.0f",
                ((Number) marks.get(0)).doubleValue(),
                ((Number) marks.get(1)).doubleValue(),
                painted));
      } else {
        assertTrue(matrix.summary().startsWith(KEYS + " keys × 5 environments"), matrix.summary());
        assertEquals(
            KEYS,
            ((Number)
                    browser.script(
                        "return document.querySelectorAll(\"[data-test='matrix'] tbody tr\").length;"))
                .intValue());
      }
    }
    List<Double> sorted = times.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    double worst = sorted.get(sorted.size() - 1);
    String report =
        String.format(
            java.util.Locale.ROOT,
            "console matrix first paint, %d keys x 5 environments, %s: median %.0f ms, worst %.0f"
                + " ms; per run screen started / data in / painted (ms since navigation): %s%n",
            KEYS,
            TestServer.database(),
            median,
            worst,
            phases);
    System.out.print(report);
    Files.writeString(
        Files.createDirectories(Browser.SCREENSHOTS)
            .resolve("matrix-benchmark-" + TestServer.database() + ".txt"),
        report);
  }

  /** An application with 500 settings over five environments, a fifth of them overridden. */
  private String seeded() throws Exception {
    String app = admin.newApplication("console-perf");
    assertEquals(201, admin.createEnvironment(app, "qa", false).status());
    assertEquals(201, admin.createEnvironment(app, "perf", false).status());
    List<String> envs = List.of("dev", "qa", "perf", "staging", "production");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Reply>> writes = new ArrayList<>();
      IntStream.range(0, KEYS)
          .forEach(
              i ->
                  writes.add(
                      pool.submit(
                          () -> {
                            String key = String.format("KEY_%03d", i);
                            Reply defined = admin.define(app, key, "string", "\"value-" + i + "\"");
                            return i % 5 == 0
                                ? admin.override(
                                    app,
                                    envs.get((i / 5) % envs.size()),
                                    key,
                                    "\"other-" + i + "\"")
                                : defined;
                          })));
      for (Future<Reply> write : writes) {
        Reply reply = write.get();
        assertEquals(201, reply.status(), reply::toString);
      }
    } finally {
      pool.shutdownNow();
    }
    return app;
  }
}
