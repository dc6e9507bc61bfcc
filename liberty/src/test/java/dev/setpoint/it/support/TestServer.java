package dev.setpoint.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server the build started for this test run (H2 or PostgreSQL), as described by the
 * system properties failsafe passes: its base URL, name, install directory and database.
 */
public final class TestServer {

  /** Set once a wait for readiness has timed out, so later test classes fail at once. */
  private static volatile boolean neverReady;

  private TestServer() {}

  public static String baseUrl() {
    return required("setpoint.it.baseUrl");
  }

  /** {@code h2} or {@code postgresql}. */
  public static String database() {
    return required("setpoint.it.database");
  }

  /** Waits until {@code /health/ready} answers 200, or fails after {@code timeout}. */
  public static void awaitReady(Duration timeout) throws InterruptedException {
    if (neverReady) {
      throw new AssertionError("server at " + baseUrl() + " did not become ready earlier");
    }
    if (!ready(baseUrl(), timeout)) {
      neverReady = true;
      throw new AssertionError("server at " + baseUrl() + " not ready within " + timeout);
    }
  }

  /** Waits until the server at {@code url} answers 200 on {@code /health/ready}, or fails. */
  public static void awaitReady(String url, Duration timeout) throws InterruptedException {
    if (!ready(url, timeout)) {
      throw new AssertionError("server at " + url + " not ready within " + timeout);
    }
  }

  private static boolean ready(String url, Duration timeout) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    return false;
  }

  /** The server's HTTPS root, e.g. {@code https://localhost:9443}. */
  public static String httpsUrl() {
    return required("setpoint.it.httpsUrl");
  }

  /** The server's own directory (server.xml, server.env, its output). */
  /**
   * The password the first start generated for {@code admin} (the tests never set one: they read it
   * where an operator would, from the owner-only file in the server's output directory).
   */
  public static synchronized String adminPassword() {
    if (adminPassword == null) {
      Path file = serverDirectory().resolve("setpoint-admin-password");
      // written right after the schema is ready, on a thread of its own
      Await.until(() -> java.nio.file.Files.exists(file), Duration.ofSeconds(60));
      try {
        adminPassword = java.nio.file.Files.readString(file).trim();
      } catch (IOException e) {
        throw new IllegalStateException("The generated admin password is not in " + file, e);
      }
    }
    return adminPassword;
  }

  private static String adminPassword;

  /**
   * Trust for the HTTPS keystore Liberty generated for this server, whose password `server create`
   * (or PostgresServer) put in server.env; empty when the server has no generated keystore.
   */
  public static java.util.Optional<javax.net.ssl.SSLContext> generatedKeystoreTrust()
      throws IOException, java.security.GeneralSecurityException {
    Path env = serverDirectory().resolve("server.env");
    Path keystore = serverDirectory().resolve("resources/security/key.p12");
    if (!java.nio.file.Files.exists(env) || !java.nio.file.Files.exists(keystore)) {
      return java.util.Optional.empty();
    }
    java.util.Optional<String> password =
        java.nio.file.Files.readAllLines(env, java.nio.charset.StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("keystore_password="))
            .map(line -> line.substring("keystore_password=".length()))
            .findFirst();
    if (password.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(TestKeystore.trusting(keystore, password.get()));
  }

  public static Path serverDirectory() {
    return Path.of(required("setpoint.it.wlp"), "usr", "servers", required("setpoint.it.server"));
  }

  /** Stops and starts the server without waiting for readiness (for tests of not-ready states). */
  public static void restartWithoutWaiting() throws IOException, InterruptedException {
    serverCommand("stop");
    serverCommand("start");
  }

  /** The server's log directory (messages.log, console.log, ffdc/). */
  public static Path logsDirectory() {
    return Path.of(
        required("setpoint.it.wlp"), "usr", "servers", required("setpoint.it.server"), "logs");
  }

  /** Stops and starts the server with its own scripts, then waits until it is ready again. */
  public static void restart() throws IOException, InterruptedException {
    serverCommand("stop");
    serverCommand("start");
    awaitReady(Duration.ofSeconds(180));
  }

  /** This run's server by its Liberty name. */
  public static String server() {
    return required("setpoint.it.server");
  }

  /**
   * The second server on the same database ({@code it.*.peer} in liberty/pom.xml), by its Liberty
   * name.
   */
  public static String peerServer() {
    return required("setpoint.it.peerServer");
  }

  /** Runs {@code server stop} or {@code server start} for the named server of this run. */
  public static void serverCommand(String action, String server)
      throws IOException, InterruptedException {
    Path script = Path.of(required("setpoint.it.wlp"), "bin", "server");
    Process process =
        new ProcessBuilder(script.toString(), action, server)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("server " + action + " " + server + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "server " + action + " " + server + " exited with " + process.exitValue());
    }
  }

  private static void serverCommand(String action) throws IOException, InterruptedException {
    serverCommand(action, server());
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          property + " is not set; run the tests through ./mvnw verify");
    }
    return value;
  }
}
