package dev.setpoint.domain.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicTasksTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void shutDown() {
    scheduler.shutdownNow();
  }

  /** A job every 5 ms that counts its runs and, like ConsumerLog, does more than flushing. */
  private static final class Counting extends WriteBehindTask<String, Long> {
    final AtomicInteger runs = new AtomicInteger();
    final CountDownLatch ranTwice = new CountDownLatch(2);
    final List<Map<String, Long>> written = new ArrayList<>();
    final WriteBehind<String, Long> buffer =
        new WriteBehind<>(
            "counts", 100, Long::sum, batch -> written.add(Map.copyOf(batch)), Level.FINE);

    @Override
    protected WriteBehind<String, Long> pending() {
      return buffer;
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public Duration interval() {
      return Duration.ofMillis(5);
    }

    @Override
    public void run() {
      runs.incrementAndGet();
      ranTwice.countDown();
    }
  }

  @Test
  void afterStopNoRunStartsAndWhatIsBufferedIsWrittenWithoutAnotherRun() throws Exception {
    PeriodicTasks tasks = new PeriodicTasks(scheduler);
    Counting job = new Counting();
    tasks.start(job);
    assertTrue(job.ranTwice.await(5, TimeUnit.SECONDS), "the job runs every interval");

    tasks.cancelAll();
    job.buffer.put("a", 2L);
    job.finish();
    int runs = job.runs.get();
    Thread.sleep(100);

    assertEquals(runs, job.runs.get(), "no run after the stop (20 intervals later)");
    assertEquals(List.of(Map.of("a", 2L)), job.written, "finish wrote the buffer");
    assertEquals(runs, job.runs.get(), "finish is not a run: ConsumerLog's clean-up stays out");
  }

  @Test
  void aRunPlannedForLaterDoesNotStartOnceStopped() throws Exception {
    PeriodicTasks tasks = new PeriodicTasks(scheduler);
    AtomicInteger ran = new AtomicInteger();
    tasks.later("later", Duration.ofMillis(50), ran::incrementAndGet);
    tasks.stop();
    Thread.sleep(150);

    assertEquals(0, ran.get());
    tasks.soon("after the stop", ran::incrementAndGet);
    Thread.sleep(50);
    assertEquals(0, ran.get(), "what is planned after the stop is cancelled at once");
  }
}
