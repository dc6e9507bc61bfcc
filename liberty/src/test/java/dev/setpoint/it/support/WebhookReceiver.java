package dev.setpoint.it.support;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver on a loopback address, started by a test: it records what arrives and answers
 * 204, or what {@link #answering} says. The IT servers allow 127.0.0.1 only; a receiver on another
 * loopback address (127.0.0.2) is one they must refuse to reach.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile ToIntFunction<Received> answer = r -> 204;

  private WebhookReceiver(String loopbackAddress) throws IOException {
    server = HttpServer.create(new InetSocketAddress(loopbackAddress, 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Received request =
              new Received(
                  exchange.getRequestURI().getPath(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  new String(body, StandardCharsets.UTF_8),
                  Instant.now());
          received.add(request);
          exchange.sendResponseHeaders(answer.applyAsInt(request), -1);
          exchange.close();
        });
    server.start();
  }

  /** A receiver on {@code 127.0.0.1}, which the IT servers allow. */
  public static WebhookReceiver allowed() throws IOException {
    return new WebhookReceiver("127.0.0.1");
  }

  /** A receiver on {@code 127.0.0.2}: loopback, and not on the IT servers' allow-list. */
  public static WebhookReceiver refused() throws IOException {
    return new WebhookReceiver("127.0.0.2");
  }

  /** Answers each request with the status {@code status} gives it. */
  public WebhookReceiver answering(ToIntFunction<Received> status) {
    this.answer = status;
    return this;
  }

  /** The receiver's URL, spelled with its own address. */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port() + "/hook";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * Waits (up to 20 s) for {@code count} deliveries of {@code event} that {@code which} accepts.
   */
  public List<Received> await(String event, int count, Predicate<Received> which)
      throws InterruptedException {
    List<Received> matching =
        Await.value(
            () ->
                received.stream()
                    .filter(r -> event.equals(r.header("X-Setpoint-Event")))
                    .filter(which)
                    .toList(),
            found -> found.size() >= count,
            Duration.ofSeconds(20));
    if (matching.size() >= count) {
      return matching;
    }
    throw new AssertionError("expected " + count + " " + event + " deliveries, got " + received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
