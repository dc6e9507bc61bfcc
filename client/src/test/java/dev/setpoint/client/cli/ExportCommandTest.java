package dev.setpoint.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.client.FakeSetpointServer;
import dev.setpoint.client.delivery.OwnerOnlyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportCommandTest {

  @TempDir Path temp;

  private FakeSetpointServer server;
  private String bearer;

  @BeforeEach
  void startServer() throws IOException {
    server = FakeSetpointServer.start("billing", "staging");
    bearer = UUID.randomUUID().toString();
    server.requireBearer(bearer);
    server.publish(Map.of("db.pool.max", "20", "greeting", "Grüße \"x\"\nzwei"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "properties", "dotenv"})
  void writesTheBodyAsRendered(String format) throws IOException {
    Path output = temp.resolve("out/" + format);

    RunCommandTest.Result result = export("--format", format, "--output", output.toString());

    assertEquals(0, result.code(), result.err());
    assertArrayEquals(server.rendered(format), Files.readAllBytes(output));
    if (OwnerOnlyFiles.posix()) {
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    }
  }

  @Test
  void writesToStandardOutputByDefault() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true));
    RunCommandTest.Result result;
    try {
      result = export("--format", "dotenv");
    } finally {
      System.setOut(original);
    }

    assertEquals(0, result.code(), result.err());
    assertArrayEquals(server.rendered("dotenv"), captured.toByteArray());
  }

  @Test
  void refusesAnUnknownFormat() {
    RunCommandTest.Result result = export("--format", "yaml");

    assertEquals(2, result.code());
    assertTrue(
        result.err().contains("--format must be one of json, properties, dotenv"), result.err());
  }

  @Test
  void aRefusalIsExitCode1() {
    RunCommandTest.Result result =
        RunCommandTest.execute(
            "export",
            "--url",
            server.url().toString(),
            "--app",
            "billing",
            "--env",
            "staging",
            "--token",
            UUID.randomUUID().toString());

    assertEquals(1, result.code());
    assertTrue(
        result.err().contains("answered 401: A valid service token is required"), result.err());
  }

  private RunCommandTest.Result export(String... options) {
    List<String> args = new ArrayList<>(List.of("export", "--url", server.url().toString()));
    args.addAll(List.of("--app", "billing", "--env", "staging", "--token", bearer));
    args.addAll(List.of(options));
    return RunCommandTest.execute(args.toArray(String[]::new));
  }
}
