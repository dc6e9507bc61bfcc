package dev.setpoint.client.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with this process's standard streams and environment plus extra variables, and
 * forwards this JVM's termination (SIGTERM, SIGINT) to it through a shutdown hook: the program is
 * asked to stop ({@link Process#destroy()}), given a grace period, then killed; the JVM then exits
 * with the program's exit code.
 */
final class ChildProcess {

  private ChildProcess() {}

  /**
   * Starts {@code command} with {@code variables} added to (and replacing) the inherited
   * environment, waits for it and returns its exit code.
   *
   * @throws IOException when the program cannot be started
   */
  static int run(List<String> command, Map<String, String> variables, Duration grace)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(variables);
    // the hook is in place before the program starts: a termination that arrives as soon as the
    // program runs (it may already have said it is ready) must reach it, never leave it orphaned
    java.util.concurrent.atomic.AtomicReference<Process> started =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch startedOrFailed =
        new java.util.concurrent.CountDownLatch(1);
    Thread forwarder =
        new Thread(
            () -> {
              try {
                startedOrFailed.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              Process child = started.get();
              if (child != null) {
                forwardTermination(child, grace);
              }
            },
            "setpoint-stop-child");
    Runtime.getRuntime().addShutdownHook(forwarder);
    Process process;
    try {
      process = builder.start();
      started.set(process);
    } finally {
      startedOrFailed.countDown();
    }
    try {
      return process.waitFor();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(forwarder);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: it stops the program
      }
    }
  }

  /**
   * The shutdown hook: stops the program, then ends this JVM at once with the program's exit code,
   * so whoever terminated {@code setpoint} sees the program's answer.
   */
  private static void forwardTermination(Process process, Duration grace) {
    stop(process, grace);
    try {
      int code = process.waitFor();
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(code);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks {@code process} to stop, waits up to {@code grace}, then kills it.
   *
   * @return whether the process ended within the grace period
   */
  static boolean stop(Process process, Duration grace) {
    if (!process.isAlive()) {
      return true;
    }
    process.destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    return false;
  }
}
