package dev.setpoint.domain.platform;

import java.time.Duration;

/**
 * A background job, run by {@link PeriodicTasks} once the schema is ready and every {@link
 * #interval()} after that until shutdown. A job is a small bean naming what it does.
 */
public interface PeriodicTask {

  /** What the job does, for the log: "sending webhooks". */
  String name();

  /** The pause between the end of one run and the start of the next. */
  Duration interval();

  /** The wait before the first run; by default one interval. */
  default Duration initialDelay() {
    return interval();
  }

  /** False when the configuration switches the job off. */
  default boolean enabled() {
    return true;
  }

  /** One run; a failure is logged and the next run comes as planned. */
  void run();

  /**
   * The last work before shutdown, once no run is scheduled any more and while the database is
   * still reachable (writing what is still buffered); by default nothing.
   */
  default void finish() {}
}
