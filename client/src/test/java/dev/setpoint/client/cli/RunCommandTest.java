package dev.setpoint.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.client.FakeSetpointServer;
import dev.setpoint.client.delivery.Release;
import dev.setpoint.client.delivery.ReleaseCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisabledOnOs(OS.WINDOWS)
class RunCommandTest {

  private static final String GREETING = "hello, \"world\" = 1 $HOME 'quoted'";
  private static final String CHECK =
      "printf '%s' \"$GREETING\" > \"$OUT_FILE\";"
          + " test \"$HOME\" = /from-release && test -n \"$PATH\" && exit 7; exit 3";

  @TempDir Path cacheDir;

  private FakeSetpointServer server;
  private Map<String, String> release;
  private Path out;

  @BeforeEach
  void startServer() throws IOException {
    server = FakeSetpointServer.start("billing", "production");
    out = cacheDir.resolve("greeting.out");
    release = Map.of("greeting", GREETING, "home", "/from-release", "out.file", out.toString());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void runsTheProgramWithTheReleaseAndPassesItsExitCode() throws IOException {
    String bearer = UUID.randomUUID().toString();
    server.requireBearer(bearer);
    server.publish(release);

    Result result = run(server.url(), List.of("--token", bearer), "sh", "-c", CHECK);

    assertEquals(7, result.code(), result.err());
    assertEquals(GREETING, Files.readString(out));
    assertEquals(
        Optional.of(new Release(server.etag(), release)),
        new ReleaseCache(cacheDir).load("billing", "production"));
  }

  @Test
  void optionsMayComeBeforeTheSubcommand() throws IOException {
    server.publish(release);

    Result result =
        execute(
            "--url",
            server.url().toString(),
            "--app",
            "billing",
            "--env",
            "production",
            "--cache-dir",
            cacheDir.toString(),
            "run",
            "--",
            "sh",
            "-c",
            CHECK);

    assertEquals(7, result.code(), result.err());
  }

  @Test
  void tokenFromAFile() throws IOException {
    String bearer = UUID.randomUUID().toString();
    server.requireBearer(bearer);
    server.publish(release);
    Path file = Files.writeString(cacheDir.resolve("service-token"), bearer + "\n");

    Result result = run(server.url(), List.of("--token-file", file.toString()), "sh", "-c", CHECK);

    assertEquals(7, result.code(), result.err());
  }

  @Test
  void refusesKeysThatGiveTheSameVariable() {
    server.publish(Map.of("db.pool.max", "1", "db-pool-max", "2"));
    Path marker = cacheDir.resolve("started");

    Result result = run(server.url(), List.of(), "sh", "-c", "touch '" + marker + "'");

    assertEquals(2, result.code());
    assertTrue(result.err().contains("db-pool-max, db.pool.max -> DB_POOL_MAX"), result.err());
    assertFalse(Files.exists(marker));
  }

  @Test
  void usesTheCopyWhenSetpointIsUnreachable() throws IOException {
    new ReleaseCache(cacheDir).store("billing", "production", new Release("\"saved\"", release));

    Result result = run(closedPort(), List.of(), "sh", "-c", CHECK);

    assertEquals(7, result.code(), result.err());
    assertEquals(GREETING, Files.readString(out));
    assertTrue(result.err().contains("using the last-known-good copy"), result.err());
  }

  @Test
  void withoutFallbackTheCopyIsIgnored() throws IOException {
    new ReleaseCache(cacheDir)
        .store("billing", "production", new Release("\"saved\"", Map.of("greeting", GREETING)));

    Result result = run(closedPort(), List.of("--no-fallback-cache"), "sh", "-c", "exit 0");

    assertEquals(1, result.code());
    assertTrue(result.err().contains("is unreachable"), result.err());
  }

  @Test
  void failsWithNeitherSetpointNorACopy() throws IOException {
    Result result = run(closedPort(), List.of(), "sh", "-c", "exit 0");

    assertEquals(1, result.code());
    assertTrue(result.err().contains("no disk copy"), result.err());
  }

  @Test
  void printsTheProblemDetailWhenSetpointRefuses() {
    Result result = run(server.url(), List.of(), "sh", "-c", "exit 0");

    assertEquals(1, result.code());
    assertTrue(result.err().contains("answered 404: No release of"), result.err());
  }

  @Test
  void aMissingProgramIs127() {
    server.publish(Map.of("k", "v"));

    Result result =
        run(server.url(), List.of(), "setpoint-test-no-such-program-" + UUID.randomUUID());

    assertEquals(127, result.code());
    assertTrue(result.err().contains("cannot start"), result.err());
  }

  @Test
  void aMissingUrlIsAUsageError() {
    Result result =
        execute("run", "--url", "", "--app", "billing", "--env", "production", "--", "true");

    assertEquals(2, result.code());
  }

  @Test
  void stoppingAsksTheProgramToEnd() throws IOException, InterruptedException {
    Process sleeper = new ProcessBuilder("sleep", "30").start();

    assertTrue(ChildProcess.stop(sleeper, Duration.ofSeconds(10)));
    assertFalse(sleeper.isAlive());
    assertEquals(143, sleeper.waitFor());
  }

  private Result run(URI url, List<String> options, String... command) {
    List<String> args =
        new ArrayList<>(List.of("run", "--url", url.toString(), "--app", "billing"));
    args.addAll(List.of("--env", "production", "--cache-dir", cacheDir.toString()));
    args.addAll(options);
    args.add("--");
    args.addAll(List.of(command));
    return execute(args.toArray(String[]::new));
  }

  static Result execute(String... args) {
    CommandLine commandLine = SetpointCli.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, err.toString());
  }

  static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  record Result(int code, String err) {}
}
