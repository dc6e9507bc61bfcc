package dev.setpoint.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spring Boot applications the integration tests build and start as child processes: the Spring
 * Cloud Config client in {@code liberty/src/test/spring-client} and the benchmark's Spring Cloud
 * Config Server. Each is built once with the Maven wrapper (offline first), started with {@code
 * java -jar} on a free loopback port, its output kept in a file for the assertions.
 */
public final class SpringApps {

  private static final Path LIBERTY = Path.of(System.getProperty("user.dir"));
  private static final Path ROOT = LIBERTY.getParent();

  private SpringApps() {}

  /** The Spring Cloud Config client application's jar, built on first use. */
  public static Path springClient() {
    return built(
        LIBERTY.resolve("src/test/spring-client/pom.xml"),
        LIBERTY.resolve("target/spring-client/spring-client.jar"));
  }

  /** The benchmark's Spring Cloud Config Server 4.3 (native profile), built on first use. */
  public static Path configServer() {
    return built(
        ROOT.resolve("benchmarks/spring-cloud-config/pom.xml"),
        ROOT.resolve("benchmarks/spring-cloud-config/target/spring-cloud-config-bench.jar"));
  }

  private static synchronized Path built(Path pom, Path jar) {
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    Path log = LIBERTY.resolve("target").resolve(jar.getFileName() + ".build.log");
    // offline first: the local repository usually holds everything; online only when it does not
    if (!maven(pom, log, true) && !maven(pom, log, false)) {
      throw new IllegalStateException("Building " + pom + " failed: " + read(log));
    }
    return jar;
  }

  private static boolean maven(Path pom, Path log, boolean offline) {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("mvnw").toString());
    command.addAll(List.of("-q", "-B"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(List.of("-f", pom.toString(), "package", "-DskipTests"));
    try {
      Process build =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!build.waitFor(10, TimeUnit.MINUTES)) {
        build.destroyForcibly();
        return false;
      }
      return build.exitValue() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A free port on loopback, for a child to listen on. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code java -jar jar args...} with {@code environment} added (credentials go there,
   * never on the command line, where any local user could read them).
   */
  public static Running start(Path jar, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile(LIBERTY.resolve("target"), "spring-app-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      return new Running(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started application; closing stops it. */
  public record Running(Process process, Path output) implements AutoCloseable {

    /** What it has printed so far. */
    public String log() {
      try {
        return Files.readString(output, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(output unreadable: " + e.getMessage() + ")";
      }
    }

    /** Whether it ended within {@code timeout}. */
    public boolean ended(Duration timeout) throws InterruptedException {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** GET or POST on loopback; the status and body, or status 0 while nothing listens. */
  public static Reply call(String method, String url, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      return new Reply(0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
}
