package dev.setpoint.client;

import dev.setpoint.client.delivery.DeliveryClient;
import dev.setpoint.client.delivery.DeliveryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After each change of release, watches the application's own MicroProfile Health readiness
 * endpoint ({@link ClientSettings#healthUrl()}, on loopback: MicroProfile Health has no in-process
 * API) for {@link ClientSettings#healthWindowSeconds()} and reports the first DOWN to Setpoint,
 * once per change, so that a staged rollout of a release that breaks the application is rolled
 * back. DOWN is a 503 answer or a body whose {@code status} is {@code DOWN}; an endpoint that
 * cannot be reached is not taken for DOWN.
 */
final class HealthReporter implements AutoCloseable {

  /** Pause between two readiness reads after a change. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger(HealthReporter.class.getName());

  private final URI readiness;
  private final Duration window;
  private final Duration every;
  private final DeliveryClient setpoint;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "setpoint-health");
            thread.setDaemon(true);
            return thread;
          });
  private ScheduledFuture<?> watching;

  HealthReporter(URI readiness, Duration window, Duration every, DeliveryClient setpoint) {
    this.readiness = readiness;
    this.window = window;
    this.every = every;
    this.setpoint = setpoint;
  }

  /** True for an http(s) URL whose host is a loopback address. */
  static boolean onLoopback(URI url) {
    if (url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme())
            || "https".equalsIgnoreCase(url.getScheme()))) {
      return false;
    }
    String host = url.getHost();
    if (!"localhost".equalsIgnoreCase(host) && !host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
      return false; // a name other than localhost would need a lookup, and may not be loopback
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A new release is in use: watch readiness from now on for the window. */
  synchronized void changed() {
    if (watching != null) {
      watching.cancel(false);
    }
    long until = System.nanoTime() + window.toNanos();
    watching =
        scheduler.scheduleWithFixedDelay(
            () -> check(until), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check(long until) {
    if (System.nanoTime() - until > 0) {
      stopWatching();
      return;
    }
    if (!down()) {
      return;
    }
    stopWatching();
    try {
      boolean rolledBack = setpoint.reportHealth(true);
      LOG.warning(
          () ->
              "Readiness at "
                  + readiness
                  + " is DOWN after a configuration change; reported to Setpoint"
                  + (rolledBack ? ", which rolled the rollout back" : ""));
    } catch (DeliveryException e) {
      LOG.warning(() -> "Reporting DOWN to Setpoint failed: " + e.getMessage());
    }
  }

  private synchronized void stopWatching() {
    if (watching != null) {
      watching.cancel(false);
      watching = null;
    }
  }

  /** Reads readiness once: DOWN on 503 or {@code "status":"DOWN"}. */
  boolean down() {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 503
          || answer.body().replaceAll("\\s", "").contains("\"status\":\"DOWN\"");
    } catch (IOException e) {
      LOG.log(Level.FINE, "Readiness at " + readiness + " could not be read", e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
