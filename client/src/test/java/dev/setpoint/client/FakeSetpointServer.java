package dev.setpoint.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.setpoint.api.delivery.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A stand-in for Setpoint's delivery endpoint, {@code GET /api/v1/config/{app}/{env}}, for one
 * application and environment: strong ETags, {@code If-None-Match} → 304, {@code wait=} holding the
 * request until a newer release or the timeout, problem+json errors, an optional bearer token.
 */
public final class FakeSetpointServer implements AutoCloseable {

  private final String path;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Object lock = new Object();
  private Map<String, String> values;
  private String etag;
  private String requiredBearer;
  private int failure;
  private int failed;
  private volatile String lastInstance;
  private volatile String lastAuthorization;

  private FakeSetpointServer(String app, String env) throws IOException {
    this.path = "/api/v1/config/" + app + "/" + env;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/config/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server with no release yet (404 until {@link #publish}). */
  public static FakeSetpointServer start(String app, String env) throws IOException {
    return new FakeSetpointServer(app, env);
  }

  /** The base URL to configure as {@code SETPOINT_URL}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Makes {@code newValues} the current release and wakes waiting watches. */
  public void publish(Map<String, String> newValues) {
    synchronized (lock) {
      values = new TreeMap<>(newValues);
      etag = "\"" + sha256(rendered(Delivery.FORMAT_PROPERTIES)) + "\"";
      lock.notifyAll();
    }
  }

  /** The current release's ETag (quoted). */
  public String etag() {
    synchronized (lock) {
      return etag;
    }
  }

  /** From now on, answers 401 unless the request carries {@code Bearer <bearer>}. */
  public void requireBearer(String bearer) {
    synchronized (lock) {
      requiredBearer = bearer;
    }
  }

  /** From now on, answers every request with {@code status} (0 to stop failing). */
  public void failWith(int status) {
    synchronized (lock) {
      failure = status;
    }
  }

  /** How many requests were answered with the {@link #failWith} status. */
  public int failedRequests() {
    synchronized (lock) {
      return failed;
    }
  }

  /** The instance header of the latest request. */
  public String lastInstance() {
    return lastInstance;
  }

  /** The Authorization header of the latest request. */
  public String lastAuthorization() {
    return lastAuthorization;
  }

  /** The current release in {@code format}, as this server sends it. */
  public byte[] rendered(String format) {
    synchronized (lock) {
      return switch (format) {
        case Delivery.FORMAT_PROPERTIES -> properties(values);
        case Delivery.FORMAT_DOTENV -> text(values, "", "='", "'\n", "");
        default -> text(values, "{", "\":\"", "\"", "}");
      };
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      lastInstance = exchange.getRequestHeaders().getFirst(Delivery.INSTANCE_HEADER);
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      Map<String, String> query = query(exchange.getRequestURI());
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      int wait = Integer.parseInt(query.getOrDefault("wait", "0"));
      String format = query.getOrDefault("format", Delivery.FORMAT_JSON);
      byte[] body;
      String current;
      synchronized (lock) {
        if (failure != 0) {
          failed++;
          problem(exchange, failure, "Failing on purpose");
          return;
        }
        if (requiredBearer != null && !("Bearer " + requiredBearer).equals(lastAuthorization)) {
          problem(exchange, 401, "A valid service token is required");
          return;
        }
        if (!exchange.getRequestURI().getPath().equals(path) || values == null) {
          problem(
              exchange, 404, "No release of \\\"" + exchange.getRequestURI().getPath() + "\\\"");
          return;
        }
        awaitChange(ifNoneMatch, wait);
        if (failure != 0) {
          failed++;
          problem(exchange, failure, "Failing on purpose");
          return;
        }
        current = etag;
        body = current.equals(ifNoneMatch) ? null : rendered(format);
      }
      exchange.getResponseHeaders().set("ETag", current);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (body == null) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitChange(String ifNoneMatch, int waitSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (etag.equals(ifNoneMatch) && System.nanoTime() < deadline) {
      lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    byte[] body =
        ("{\"type\":\"about:blank\",\"title\":\"Problem\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        query.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return query;
  }

  private static byte[] properties(Map<String, String> values) {
    Properties properties = new Properties();
    properties.putAll(values);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      properties.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // store() begins with a comment of the current time: dropped, so the same release renders
    // the same bytes in every second (a render on each side of a second boundary differed)
    String stored = out.toString(StandardCharsets.ISO_8859_1);
    return stored.substring(stored.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] text(
      Map<String, String> values, String open, String between, String after, String close) {
    String separator = open.isEmpty() ? "" : ",";
    return values.entrySet().stream()
        .map(
            entry ->
                (open.isEmpty() ? Delivery.environmentName(entry.getKey()) : "\"" + entry.getKey())
                    + between
                    + entry
                        .getValue()
                        .replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                    + after)
        .collect(Collectors.joining(separator, open, close))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
