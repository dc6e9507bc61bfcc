package dev.setpoint.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The previous release of Setpoint, built from this clone's own git history: the commit named by
 * {@code it.previous.release} in liberty/pom.xml is exported with {@code git archive} into {@code
 * target/previous-release/<commit>/source} and packaged there with its own Maven wrapper ({@code
 * package -pl ear -am}, tests skipped), once; later runs reuse the EAR cached under that commit.
 * {@link #server} lays out a Liberty server directory as an operator deploying that release's
 * server package on a host would: the old release's configuration and EAR, the host's environment
 * (ports, database, keystore, master key) kept from the server it replaces.
 */
public final class PreviousRelease {

  private static final Logger LOG = Logger.getLogger(PreviousRelease.class.getName());
  private static final long BUILD_MINUTES = 15;

  private final String commit;
  private final Path root;
  private final Path directory;

  private PreviousRelease(String commit, Path root, Path directory) {
    this.commit = commit;
    this.root = root;
    this.directory = directory;
  }

  /**
   * The previous release named by the build ({@code setpoint.it.previousRelease}), or why it cannot
   * be had here: a shallow clone or a source archive lacks the commit.
   */
  public static Lookup lookUp() {
    String named = System.getProperty("setpoint.it.previousRelease", "").strip();
    Path root = Path.of(System.getProperty("setpoint.it.repositoryRoot", "..")).toAbsolutePath();
    if (named.isEmpty()) {
      return new Lookup(
          null, "no previous release is named (it.previous.release in liberty/pom.xml)");
    }
    Run resolved = run(root, "git", "rev-parse", "--verify", "--quiet", named + "^{commit}");
    if (resolved.exit() != 0) {
      return new Lookup(
          null,
          "the previous release "
              + named
              + " is not in this clone's history (a shallow clone or a source archive): run `git"
              + " fetch --unshallow` (or clone without --depth) to test the upgrade from it and"
              + " the rollback to it");
    }
    String commit = resolved.output().strip();
    Path directory =
        Path.of(System.getProperty("setpoint.it.previousReleaseDir", "target/previous-release"))
            .toAbsolutePath()
            .resolve(commit);
    return new Lookup(new PreviousRelease(commit, root, directory), null);
  }

  /** A previous release, or the reason there is none to test against. */
  public record Lookup(PreviousRelease release, String missing) {}

  public String commit() {
    return commit;
  }

  /** The release's EAR, built now unless an earlier run left it cached under its commit. */
  public synchronized Path ear() throws IOException, InterruptedException {
    Path ear = directory.resolve("setpoint-ear.ear");
    if (Files.exists(ear)) {
      LOG.info(() -> "previous release " + commit + ": EAR cached at " + ear);
      return ear;
    }
    Path source = directory.resolve("source");
    deleteTree(source);
    Files.createDirectories(source);
    long started = System.nanoTime();
    List<ProcessBuilder> export =
        List.of(
            new ProcessBuilder("git", "archive", "--format=tar", commit).directory(root.toFile()),
            new ProcessBuilder("tar", "-x", "-C", source.toString()));
    Path log = directory.resolve("build.log");
    export.get(1).redirectErrorStream(true).redirectOutput(log.toFile());
    List<Process> pipeline = ProcessBuilder.startPipeline(export);
    for (Process step : pipeline) {
      if (!step.waitFor(BUILD_MINUTES, TimeUnit.MINUTES) || step.exitValue() != 0) {
        throw new AssertionError("git archive " + commit + " into " + source + " failed; " + log);
      }
    }
    List<String> build = new ArrayList<>(List.of("sh", "mvnw", "-q", "-B"));
    if (System.getProperty("setpoint.it.offline", "").equals("offline=true")) {
      build.add("-o");
    }
    String repository = System.getProperty("setpoint.it.mavenRepository", "");
    if (!repository.isBlank()) {
      build.add("-Dmaven.repo.local=" + repository);
    }
    build.addAll(List.of("-DskipTests", "package", "-pl", "ear", "-am"));
    ProcessBuilder packaging =
        new ProcessBuilder(build)
            .directory(source.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // the surrounding build's Maven variables would point the inner one at this clone
    packaging
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("MAVEN_") && !name.equals("MAVEN_OPTS"));
    Process maven = packaging.start();
    if (!maven.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      throw new AssertionError(
          "building " + commit + " took over " + BUILD_MINUTES + " min; " + log);
    }
    if (maven.exitValue() != 0) {
      throw new AssertionError(
          "building " + commit + " failed (" + String.join(" ", build) + "): " + log);
    }
    try (Stream<Path> built = Files.list(source.resolve("ear/target"))) {
      Path packaged =
          built
              .filter(p -> p.getFileName().toString().endsWith(".ear"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no EAR under " + source + "/ear/target"));
      Files.copy(
          packaged,
          directory.resolve("setpoint-ear.ear.part"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(directory.resolve("setpoint-ear.ear.part"), ear, StandardCopyOption.ATOMIC_MOVE);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    LOG.info(() -> "previous release " + commit + ": exported and built in " + seconds + " s");
    return ear;
  }

  /**
   * Lays out (again) the Liberty server {@code name} that takes the place of the server {@code
   * replacing} on its host: the previous release's server configuration (server.xml, overlays,
   * jvm.options) and EAR, with the host's environment from {@code replacing} (bootstrap.properties,
   * server.env, JDBC drivers, TLS keystore, the Admin Center operator password in variables/).
   * {@code masterKeyFile}, the key file the servers share, is named explicitly: the development
   * default lies in each server's own directory. Returns {@code name}.
   */
  public String server(Path wlp, String name, String replacing, Path masterKeyFile)
      throws IOException, InterruptedException {
    Path ear = ear();
    Path servers = wlp.resolve("usr/servers");
    Path target = servers.resolve(name);
    Path host = servers.resolve(replacing);
    deleteTree(target);
    copyTree(directory.resolve("source/liberty/src/main/liberty/config"), target);
    Files.createDirectories(target.resolve("apps"));
    Files.copy(ear, target.resolve("apps/setpoint-ear.ear"));
    for (String kept : List.of("lib/jdbc", "resources/security", "variables")) {
      if (Files.isDirectory(host.resolve(kept))) {
        copyTree(host.resolve(kept), target.resolve(kept));
      }
    }
    Files.copy(host.resolve("server.env"), target.resolve("server.env"));
    List<String> bootstrap =
        new ArrayList<>(
            Files.readAllLines(host.resolve("bootstrap.properties"), StandardCharsets.UTF_8)
                .stream()
                .filter(line -> !line.startsWith("SETPOINT_DEV_MASTER_KEY_FILE="))
                .toList());
    bootstrap.add("SETPOINT_DEV_MASTER_KEY_FILE=" + masterKeyFile);
    Files.write(target.resolve("bootstrap.properties"), bootstrap, StandardCharsets.UTF_8);
    return name;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path copy = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path tree) throws IOException {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> files = Files.walk(tree)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(PreviousRelease::delete);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Run(int exit, String output) {}

  private static Run run(Path directory, String... command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Run(-1, output);
      }
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      // no git on this machine: the same as no history
      return new Run(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Run(-1, "interrupted");
    }
  }
}
