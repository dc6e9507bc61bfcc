package dev.setpoint.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in tests: polls a condition until it holds or the timeout passes, the one place that
 * pauses between polls (20 ms at first, up to 100 ms). Nothing here waits a fixed time.
 */
public final class Await {

  private static final Duration FIRST = Duration.ofMillis(20);
  private static final Duration LONGEST = Duration.ofMillis(100);

  private Await() {}

  /**
   * True as soon as {@code condition} holds; false when it still does not after {@code timeout}.
   */
  public static boolean until(BooleanSupplier condition, Duration timeout) {
    return value(condition::getAsBoolean, held -> held, timeout);
  }

  /**
   * The first value of {@code probe} that is {@code done}, or the last one read when {@code
   * timeout} passes first (for the caller's assertion message).
   */
  public static <T> T value(Supplier<T> probe, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = FIRST;
    while (true) {
      T value = probe.get();
      if (done.test(value) || System.nanoTime() > deadline) {
        return value;
      }
      pause(pause);
      pause = pause.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : pause.multipliedBy(2);
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis()); // the poll interval: between two looks at the condition
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
