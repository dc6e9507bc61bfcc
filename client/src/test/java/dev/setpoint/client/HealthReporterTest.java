package dev.setpoint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.setpoint.client.delivery.DeliveryClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One loopback server plays the application's readiness endpoint and Setpoint's health endpoint;
 * the reporter must post DOWN once when readiness goes DOWN after a change, and nothing otherwise.
 */
class HealthReporterTest {

  private HttpServer server;
  private final AtomicInteger readiness = new AtomicInteger(200);
  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private HealthReporter reporter;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> answer(exchange, readiness.get(), "{\"status\":\"UP\",\"checks\":[]}"));
    server.createContext(
        "/api/v1/applications/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          reports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, 200, "{\"instance\":\"web-1\",\"status\":\"DOWN\",\"rolledBack\":true}");
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    reporter =
        new HealthReporter(
            base.resolve("/health/ready"),
            Duration.ofSeconds(5),
            Duration.ofMillis(50),
            new DeliveryClient(base, "shop", "production", null, "web-1"));
  }

  @AfterEach
  void stop() {
    reporter.close();
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void aReadinessThatGoesDownAfterAChangeIsReportedOnce() throws Exception {
    reporter.changed();
    TimeUnit.MILLISECONDS.sleep(300); // several healthy reads: nothing is reported
    assertTrue(reports.isEmpty(), "UP is not reported");
    readiness.set(503);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (reports.isEmpty() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    TimeUnit.MILLISECONDS.sleep(300); // further DOWN reads must not report again
    assertEquals(List.of("{\"status\":\"DOWN\"}"), reports);
    assertEquals(
        List.of("/api/v1/applications/shop/environments/production/consumers/web-1/health"), paths);
  }

  @Test
  void withoutAChangeNothingIsWatched() throws Exception {
    readiness.set(503);
    TimeUnit.MILLISECONDS.sleep(300); // nothing to await: the reporter must stay silent
    assertTrue(reports.isEmpty());
  }

  @Test
  void onlyLoopbackReadinessUrlsAreAccepted() {
    assertTrue(HealthReporter.onLoopback(URI.create("http://127.0.0.1:9080/health/ready")));
    assertTrue(HealthReporter.onLoopback(URI.create("http://localhost:9080/health/ready")));
    assertTrue(HealthReporter.onLoopback(URI.create("http://[::1]:9080/health/ready")));
    assertFalse(HealthReporter.onLoopback(URI.create("http://10.0.0.7:9080/health/ready")));
    assertFalse(HealthReporter.onLoopback(URI.create("http://example.com/health/ready")));
    assertFalse(HealthReporter.onLoopback(URI.create("file:///health/ready")));
  }
}
