package dev.setpoint.domain.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Setpoint's background work on the container's managed scheduler: every {@link PeriodicTask}
 * bean from the moment the schema is ready, and one-off actions on request. Every run that fails is
 * logged and the schedule goes on; everything still scheduled is cancelled when the application
 * stops.
 */
@ApplicationScoped
public class PeriodicTasks {

  private static final Logger LOG = Logger.getLogger(PeriodicTasks.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  @Inject @Any Instance<PeriodicTask> jobs;

  private final List<Future<?>> scheduled = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  /** For CDI. */
  public PeriodicTasks() {}

  /** On a given scheduler, for tests. */
  public PeriodicTasks(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  void start(@Observes SchemaReady ready) {
    for (PeriodicTask job : jobs) {
      start(job);
    }
  }

  /** Schedules {@code job} if it is enabled. */
  public void start(PeriodicTask job) {
    if (!job.enabled()) {
      LOG.fine(() -> "Not " + job.name() + ": switched off");
      return;
    }
    track(
        scheduler.scheduleWithFixedDelay(
            () -> runQuietly(job.name(), job::run),
            job.initialDelay().toMillis(),
            job.interval().toMillis(),
            TimeUnit.MILLISECONDS));
  }

  /** Runs {@code action} once, after {@code delay}, off the calling thread. */
  public Future<?> later(String name, Duration delay, Runnable action) {
    return track(
        scheduler.schedule(
            () -> runQuietly(name, action), delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Runs {@code action} once, now, off the calling thread. */
  public Future<?> soon(String name, Runnable action) {
    return later(name, Duration.ZERO, action);
  }

  /**
   * Shutdown, while the database is still reachable: cancels everything still scheduled (runs in
   * progress finish; a cancelled run that was due does not start, and whatever is planned after
   * this is cancelled at once), then lets every job {@link PeriodicTask#finish() finish}. Called
   * when the web module stops; when this bean is destroyed the container has closed the persistence
   * unit already, so only the cancelling is left there.
   */
  public void stop() {
    cancelAll();
    for (PeriodicTask job : jobs == null ? List.<PeriodicTask>of() : jobs) {
      runQuietly("finishing " + job.name(), job::finish);
    }
  }

  @PreDestroy
  void cancelAll() {
    stopped = true;
    scheduled.forEach(task -> task.cancel(false));
    scheduled.clear();
  }

  private Future<?> track(Future<?> task) {
    scheduled.removeIf(Future::isDone);
    scheduled.add(task);
    if (stopped) {
      task.cancel(false);
    }
    return task;
  }

  static void runQuietly(String name, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Background job failed (" + name + "); it goes on");
    }
  }
}
