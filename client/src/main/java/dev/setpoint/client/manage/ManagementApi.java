package dev.setpoint.client.manage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small client of Setpoint's management API for the command line: JSON in and out, a problem
 * answer turned into an {@link ApiFailure} with the exit code its status stands for.
 */
public final class ManagementApi {

  /** Exit code: Setpoint failed or could not be reached. */
  public static final int FAILED = 1;

  /** Exit code: the application, environment, key or release does not exist (or is hidden). */
  public static final int NOT_FOUND = 3;

  /** Exit code: not signed in, or the role does not allow it. */
  public static final int DENIED = 4;

  /** Exit code: the request was refused as it is (invalid, conflicting, unprocessable). */
  public static final int REFUSED = 5;

  private final URI base;
  private final String authorization;
  private final HttpClient http;

  public ManagementApi(String url, String authorization) {
    this.base = URI.create(url.replaceAll("/+$", ""));
    this.authorization = authorization;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public JsonValue get(String path) throws ApiFailure {
    return send("GET", path, null, null);
  }

  public JsonValue delete(String path) throws ApiFailure {
    return send("DELETE", path, null, null);
  }

  public JsonValue post(String path, JsonValue body) throws ApiFailure {
    return send("POST", path, body == null ? null : bytes(body), "application/json");
  }

  public JsonValue put(String path, JsonValue body) throws ApiFailure {
    return send("PUT", path, bytes(body), "application/json");
  }

  /** Sends {@code body} as it is, in {@code contentType} (a file to import). */
  public JsonValue send(String method, String path, byte[] body, String contentType)
      throws ApiFailure {
    return send(method, path, body, contentType, new String[0]);
  }

  /** The same, with request {@code headers} (alternating name and value). */
  public JsonValue send(
      String method, String path, byte[] body, String contentType, String... headers)
      throws ApiFailure {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(5))
            .header("Accept", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ApiFailure(FAILED, "Setpoint at " + base + " could not be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFailure(FAILED, "interrupted");
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new ApiFailure(exitCode(status), message(method, path, response));
    }
    if (response.body().length == 0) {
      return JsonValue.NULL;
    }
    try (var reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      throw new ApiFailure(FAILED, "Setpoint sent an answer that is not JSON to " + path);
    }
  }

  static int exitCode(int status) {
    return switch (status) {
      case 404, 410 -> NOT_FOUND;
      case 401, 403 -> DENIED;
      case 400, 409, 412, 413, 415, 422 -> REFUSED;
      default -> FAILED;
    };
  }

  private static String message(String method, String path, HttpResponse<byte[]> response) {
    StringBuilder text =
        new StringBuilder(method + " " + path + " answered " + response.statusCode());
    try (var reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
      JsonObject problem = reader.readObject();
      if (!string(problem, "detail").isEmpty()) {
        text.append(": ").append(string(problem, "detail"));
      }
      if (problem.get("errors") instanceof jakarta.json.JsonArray errors) {
        for (JsonValue error : errors) {
          if (error instanceof JsonObject e) {
            text.append("\n  ")
                .append(string(e, "field"))
                .append(": ")
                .append(string(e, "message"));
          }
        }
      }
    } catch (RuntimeException e) {
      // not a problem body: the status says enough
    }
    return text.toString();
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : "";
  }

  private static byte[] bytes(JsonValue value) {
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }
}
