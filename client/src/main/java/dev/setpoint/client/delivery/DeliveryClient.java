package dev.setpoint.client.delivery;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.client.delivery.DeliveryException.Kind;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Talks to one environment's delivery endpoint, {@code GET {url}/api/v1/config/{app}/{env}}, over
 * HTTP/1.1 with the JDK client. Every request names the instance ({@value
 * Delivery#INSTANCE_HEADER}) and, when a token is configured, carries it as a bearer token.
 * Redirects are not followed, so the token only ever goes to the configured URL.
 */
public final class DeliveryClient {

  /** How long to wait for a connection to Setpoint. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a plain (non-watch) request may take in all. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(DeliveryClient.class.getName());
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final HttpClient http;
  private final URI endpoint;
  private final URI healthEndpoint;
  private final String token;
  private final String instance;

  /**
   * @param baseUrl Setpoint's base URL, e.g. {@code https://setpoint.example.com}
   * @param app the application's slug
   * @param env the environment's slug
   * @param token the bearer token, or {@code null} to send none
   * @param instance this instance's id, matching {@link Delivery#INSTANCE_PATTERN}
   */
  public DeliveryClient(URI baseUrl, String app, String env, String token, String instance) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/api/v1/config/" + app + "/" + env);
    this.healthEndpoint =
        URI.create(
            base
                + "/api/v1/applications/"
                + app
                + "/environments/"
                + env
                + "/consumers/"
                + instance
                + "/health");
    this.token = token;
    this.instance = instance;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(ProxySelector.getDefault())
            .build();
    if (token != null
        && "http".equalsIgnoreCase(endpoint.getScheme())
        && !LOOPBACK.contains(String.valueOf(endpoint.getHost()).toLowerCase())) {
      LOG.warning(
          () ->
              "The Setpoint token is sent over plain HTTP to "
                  + base
                  + "; use https outside tests");
    }
  }

  /** The endpoint this client reads, without query. */
  public URI endpoint() {
    return endpoint;
  }

  /** Fetches the current release in {@code properties} format. */
  public Release fetch() throws DeliveryException {
    HttpResponse<byte[]> response = send(Delivery.FORMAT_PROPERTIES, null, 0);
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    return toRelease(response);
  }

  /**
   * Waits up to {@code waitSeconds} for a release newer than the one with {@code etag}.
   *
   * @return the newer release, or empty when the release with {@code etag} is still current
   */
  public Optional<Release> awaitChange(String etag, int waitSeconds) throws DeliveryException {
    int wait = Math.max(1, Math.min(waitSeconds, Delivery.MAX_WAIT_SECONDS));
    HttpResponse<byte[]> response = send(Delivery.FORMAT_PROPERTIES, etag, etag == null ? 0 : wait);
    if (response.statusCode() == 304 && etag != null) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    return Optional.of(toRelease(response));
  }

  /**
   * Reports this instance's health to Setpoint ({@code POST
   * …/environments/{env}/consumers/{instance}/health}): {@code DOWN} from an instance a staged
   * rollout serves the new release rolls the rollout back.
   *
   * @param down whether the application's readiness is DOWN
   * @return true when the report rolled a rollout back
   */
  public boolean reportHealth(boolean down) throws DeliveryException {
    String body = "{\"status\":\"" + (down ? "DOWN" : "UP") + "\"}";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(healthEndpoint)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header(Delivery.INSTANCE_HEADER, instance)
            .header("User-Agent", "setpoint-client");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response = exchange(request.build(), healthEndpoint);
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
        .replaceAll("\\s", "")
        .contains("\"rolledBack\":true");
  }

  /**
   * Fetches the current release rendered by the server in {@code format} ({@value
   * Delivery#FORMAT_JSON}, {@value Delivery#FORMAT_PROPERTIES} or {@value Delivery#FORMAT_DOTENV}),
   * byte for byte.
   */
  public byte[] fetchRendered(String format) throws DeliveryException {
    HttpResponse<byte[]> response = send(format, null, 0);
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    return response.body();
  }

  private HttpResponse<byte[]> send(String format, String etag, int waitSeconds)
      throws DeliveryException {
    String query = "?format=" + format + (waitSeconds > 0 ? "&wait=" + waitSeconds : "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + query))
            .GET()
            .timeout(REQUEST_TIMEOUT.plusSeconds(waitSeconds))
            .header(Delivery.INSTANCE_HEADER, instance)
            .header("User-Agent", "setpoint-client");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return exchange(request.build(), endpoint);
  }

  private HttpResponse<byte[]> exchange(HttpRequest request, URI endpoint)
      throws DeliveryException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new DeliveryException(
          Kind.UNAVAILABLE, 0, "Setpoint at " + endpoint + " did not answer in time", e);
    } catch (IOException e) {
      throw new DeliveryException(
          Kind.UNAVAILABLE, 0, "Setpoint at " + endpoint + " is unreachable: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(
          Kind.UNAVAILABLE, 0, "Interrupted while waiting for Setpoint at " + endpoint, e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 408 || status == 429) {
      throw new DeliveryException(Kind.UNAVAILABLE, status, message(response), null);
    }
    return response;
  }

  private Release toRelease(HttpResponse<byte[]> response) throws DeliveryException {
    try {
      return new Release(
          response.headers().firstValue("ETag").orElse(null),
          PropertiesFormat.parse(response.body()));
    } catch (IllegalArgumentException e) {
      throw new DeliveryException(
          Kind.UNAVAILABLE, 200, "Setpoint at " + endpoint + " sent a malformed release", e);
    }
  }

  private DeliveryException unexpected(HttpResponse<byte[]> response) {
    return new DeliveryException(Kind.REFUSED, response.statusCode(), message(response), null);
  }

  private String message(HttpResponse<byte[]> response) {
    String answer = "Setpoint at " + endpoint + " answered " + response.statusCode();
    return ProblemDetail.of(response.body()).map(detail -> answer + ": " + detail).orElse(answer);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
