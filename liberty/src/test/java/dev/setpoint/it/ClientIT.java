package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.client.ClientSettings;
import dev.setpoint.client.SetpointConfigSource;
import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client module against the running server: the ConfigSource and {@code setpoint run}. */
class ClientIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @TempDir Path cache;

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private ClientSettings settings(String url, String app) {
    return settings(url, app, Map.of());
  }

  private ClientSettings settings(String url, String app, Map<String, String> more) {
    Map<String, String> values = new java.util.HashMap<>(more);
    values.putAll(
        Map.of(
            ClientSettings.TOKEN,
            client.issueToken(app, "dev"),
            ClientSettings.URL,
            url,
            ClientSettings.APP,
            app,
            ClientSettings.ENV,
            "dev",
            ClientSettings.CACHE_DIR,
            cache.toString(),
            ClientSettings.INSTANCE,
            "client-it-" + app));
    return ClientSettings.from(values::get).orElseThrow();
  }

  @Test
  void theConfigSourceFollowsAPublishWithinTwoSeconds() throws Exception {
    String app = client.newApplication("cs");
    client.define(app, "pool.size", "integer", "4");
    String canary = "canary-" + UUID.randomUUID();
    client.writeSecret(app, "dev", "db.password", canary);
    client.publish(app, "dev");

    try (SetpointConfigSource source =
        SetpointConfigSource.start(settings(TestServer.baseUrl(), app))) {
      assertEquals("4", source.getValue("pool.size"));
      assertEquals(canary, source.getValue("db.password"));
      assertEquals(ClientSettings.DEFAULT_ORDINAL, source.getOrdinal());

      client.override(app, "dev", "pool.size", "9");
      client.publish(app, "dev");
      long published = System.nanoTime();
      Await.until(() -> "9".equals(source.getValue("pool.size")), Duration.ofSeconds(2));
      long millis = (System.nanoTime() - published) / 1_000_000;
      assertEquals("9", source.getValue("pool.size"), "not seen after " + millis + " ms");
    }

    Reply consumers = client.get(SetpointClient.env(app, "dev") + "/consumers");
    assertEquals("client-it-" + app, consumers.items().getJsonObject(0).getString("instance"));
  }

  /**
   * The client library's half of a staged rollout: the application (here a loopback stand-in for
   * its MicroProfile Health endpoint) goes DOWN after the new release arrives, the library reports
   * it, and Setpoint rolls the release back, which the same library then receives.
   */
  @Test
  void aReadinessThatGoesDownAfterANewReleaseIsReportedAndRollsItBack() throws Exception {
    String app = client.newApplication("cs-health");
    client.define(app, "mode", "string", "\"blue\"");
    client.publish(app, "dev");
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean();
    com.sun.net.httpserver.HttpServer readiness =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    readiness.createContext(
        "/health/ready",
        exchange -> {
          byte[] body =
              ("{\"status\":\"" + (down.get() ? "DOWN" : "UP") + "\",\"checks\":[]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(down.get() ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    readiness.start();
    String instance = "client-it-" + app;
    String url = "http://127.0.0.1:" + readiness.getAddress().getPort() + "/health/ready";
    try (SetpointConfigSource source =
        SetpointConfigSource.start(
            settings(TestServer.baseUrl(), app, Map.of(ClientSettings.HEALTH_URL, url)))) {
      assertEquals("blue", source.getValue("mode"));
      client.override(app, "dev", "mode", "\"green\"");
      Reply published =
          client.post(
              SetpointClient.releases(app, "dev"),
              "{\"rollout\":{\"steps\":[100],\"bakeSeconds\":3600,\"stopOn\":[\"health\"]}}");
      assertEquals(201, published.status(), published::toString);
      Await.until(() -> "green".equals(source.getValue("mode")), Duration.ofSeconds(10));
      assertEquals("green", source.getValue("mode"), "the new release reached the application");

      down.set(true);
      long failed = System.nanoTime();
      Await.until(() -> "blue".equals(source.getValue("mode")), Duration.ofSeconds(15));
      long millis = (System.nanoTime() - failed) / 1_000_000;
      assertEquals(
          "blue", source.getValue("mode"), "still not rolled back after " + millis + " ms");
      down.set(false);
      JsonObject rollout = client.get(SetpointClient.env(app, "dev") + "/rollout").json();
      assertEquals("rolled-back", rollout.getString("state"), rollout::toString);
      assertTrue(rollout.getString("reason").contains(instance), rollout::toString);
      System.out.printf(
          "ClientIT health report: readiness DOWN to the stable release back in the application"
              + " in %d ms%n",
          millis);
    } finally {
      readiness.stop(0);
    }
  }

  @Test
  void theConfigSourceStartsFromItsDiskCopyWhenSetpointIsUnreachable() throws Exception {
    String app = client.newApplication("disk");
    client.define(app, "region", "string", "\"eu-west\"");
    client.publish(app, "dev");
    try (SetpointConfigSource online =
        SetpointConfigSource.start(settings(TestServer.baseUrl(), app))) {
      assertEquals("eu-west", online.getValue("region"));
    }
    List<Path> copies;
    try (var files = Files.walk(cache)) {
      copies = files.filter(Files::isRegularFile).toList();
    }
    assertEquals(1, copies.size(), copies::toString);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(copies.get(0))),
        "the last-known-good copy is readable by its owner only");

    try (SetpointConfigSource offline =
        SetpointConfigSource.start(settings("http://127.0.0.1:" + closedPort(), app))) {
      assertEquals("eu-west", offline.getValue("region"));
    }
  }

  @Test
  void setpointRunInjectsTheReleaseAsEnvironmentAndPassesTheExitCodeThrough() throws Exception {
    String app = client.newApplication("run");
    String greeting = "hello " + UUID.randomUUID();
    client.define(app, "app.greeting", "string", "\"" + greeting + "\"");
    client.publish(app, "dev");

    List<String> command = cli("run", "--url", TestServer.baseUrl(), "--app", app, "--env", "dev");
    command.addAll(List.of("--", "sh", "-c", "echo \"$APP_GREETING\"; exit 7"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(ClientSettings.TOKEN, client.issueToken(app, "dev"));
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "setpoint run did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(7, process.exitValue(), output);
    assertTrue(output.contains(greeting), output);
  }

  @Test
  void setpointRunPassesATerminationSignalOnToTheProgram() throws Exception {
    String app = client.newApplication("sig");
    client.define(app, "app.name", "string", "\"sig\"");
    client.publish(app, "dev");

    List<String> command = cli("run", "--url", TestServer.baseUrl(), "--app", app, "--env", "dev");
    command.addAll(
        List.of(
            "--",
            "sh",
            "-c",
            "trap 'echo \"stopping $APP_NAME\"; exit 42' TERM; echo ready;"
                + " while true; do sleep 0.1; done"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(ClientSettings.TOKEN, client.issueToken(app, "dev"));
    Process process = builder.start();
    var output =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = output.readLine();
    while (line != null && !line.equals("ready")) {
      line = output.readLine();
    }
    assertEquals("ready", line, "the program started");

    // SIGTERM, as a process manager stops a service (Process.destroy would also close its output)
    Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
    assertEquals(0, kill.waitFor(), "kill -TERM");
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "setpoint run did not stop");
    StringBuilder rest = new StringBuilder();
    for (String more = output.readLine(); more != null; more = output.readLine()) {
      rest.append(more).append('\n');
    }
    assertTrue(rest.toString().contains("stopping sig"), "the program got the signal: " + rest);
    assertEquals(42, process.exitValue(), rest::toString);
  }

  private List<String> cli(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("setpoint.it.cliJar"));
    command.addAll(List.of(args));
    command.addAll(List.of("--cache-dir", cache.toString()));
    return command;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
