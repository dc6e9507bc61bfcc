package dev.setpoint.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A build step, run by the exec plugin once the integration-test servers have started: saves the
 * live {@code /openapi} document of a server to a file, from which OpenAPI Generator makes the
 * client that {@code OpenApiClientIT} drives. Right after {@code server start} Liberty serves an
 * empty placeholder document until the application is up, so it waits for Setpoint's own paths.
 *
 * <p>Arguments: the server's base URL, the file to write.
 */
public final class LiveOpenApiDocument {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  private LiveOpenApiDocument() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: LiveOpenApiDocument <base URL> <output file>");
    }
    Path target = Path.of(args[1]);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(target, await(args[0]));
  }

  private static String await(String baseUrl) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/openapi"))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10))
            .build();
    Instant deadline = Instant.now().plus(TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        last = reply.statusCode() + " " + reply.body();
        if (reply.statusCode() == 200 && describesSetpoint(reply.body())) {
          return reply.body();
        }
      } catch (IOException e) {
        last = e.toString(); // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException(
        baseUrl + "/openapi did not describe Setpoint within " + TIMEOUT + "; last: " + last);
  }

  private static boolean describesSetpoint(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject paths = reader.readObject().getJsonObject("paths");
      return paths != null && paths.containsKey("/api/v1/applications");
    }
  }
}
