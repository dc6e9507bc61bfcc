package dev.setpoint.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Physical backups of the build's PostgreSQL as docs/backups.md describes them, with the build's
 * binaries (which ship no pg_basebackup): WAL archiving to a directory, a base backup through the
 * low-level API ({@code pg_backup_start} / {@code pg_backup_stop}, copying the data directory in
 * between), and a restore into a fresh cluster, replaying the archive up to a point in time.
 *
 * <p>The build's cluster runs with {@code archive_mode = on} and an {@code archive_command} that
 * discards segments; {@link #startArchiving} points it at an archive with a reload, no restart.
 *
 * <p>Logical backups need {@code pg_dump} and {@code pg_restore}, which the build's binaries do not
 * ship: {@link #dumpTool} finds the machine's (Debian's {@code postgresql-client}, which {@code
 * .ci/run} installs), as long as it is of the server's major version or newer.
 */
public final class PostgresBackup {

  /** What a base backup leaves out: the server's own files, WAL (the archive has it), scratch. */
  private static final Set<String> SKIPPED_FILES =
      Set.of("postmaster.pid", "postmaster.opts", "postgres.log", "backup_label.old");

  private static final Set<String> EMPTIED_DIRECTORIES =
      Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial");

  private final PostgresServer build;
  private final String user;
  private final String password;
  private Path archive;

  private PostgresBackup(PostgresServer build, String user, String password) {
    this.build = build;
    this.user = user;
    this.password = password;
  }

  /** The build's cluster, described by the {@code server.env} PostgresServer wrote. */
  public static PostgresBackup ofBuild(Path serverEnv) throws IOException {
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(serverEnv, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new PostgresBackup(
        PostgresServer.ofBuild(serverEnv),
        env.get("SETPOINT_DB_USER"),
        env.get("SETPOINT_DB_PASSWORD"));
  }

  /** The JDBC URL of the database {@code setpoint} on a cluster listening on {@code port}. */
  public static String url(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/setpoint";
  }

  private Connection connect(int port) throws SQLException {
    return DriverManager.getConnection(url(port), user, password);
  }

  /** Archives every completed WAL segment into a fresh directory from now on (a reload). */
  public Path startArchiving() throws IOException, InterruptedException, SQLException {
    archive = build.runtimeDirectory().resolve("wal-archive-" + System.nanoTime());
    Files.createDirectories(archive);
    PostgresServer.handOver(archive);
    setArchiveCommand("test ! -f '" + archive + "/%f' && cp %p '" + archive + "/%f'");
    return archive;
  }

  /** Discards WAL segments again, as the build's cluster does outside this test. */
  public void stopArchiving() throws SQLException {
    setArchiveCommand("true");
  }

  private void setArchiveCommand(String command) throws SQLException {
    try (Connection db = connect(build.port());
        Statement statement = db.createStatement()) {
      statement.execute("ALTER SYSTEM SET archive_command = " + literal(command));
      statement.execute("SELECT pg_reload_conf()");
    }
  }

  /**
   * A base backup: {@code pg_backup_start}, a copy of the data directory while the cluster keeps
   * serving, {@code pg_backup_stop} (which waits until the WAL the copy needs is archived) and the
   * backup label it returns, written into the copy.
   */
  public Path baseBackup() throws IOException, SQLException {
    Path target = build.runtimeDirectory().resolve("base-backup-" + System.nanoTime());
    try (Connection db = connect(build.port());
        Statement statement = db.createStatement()) {
      statement.execute("SELECT pg_backup_start('setpoint-backup-it', true)");
      copyTree(build.dataDirectory(), target);
      try (ResultSet stop =
          statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)")) {
        stop.next();
        Files.writeString(
            target.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
        String map = stop.getString(2);
        if (map != null && !map.isEmpty()) {
          Files.writeString(target.resolve("tablespace_map"), map, StandardCharsets.UTF_8);
        }
      }
    }
    return target;
  }

  /** The cluster's clock now, as a recovery target: what committed before it, and nothing after. */
  public String pointInTime() throws SQLException {
    try (Connection db = connect(build.port());
        Statement statement = db.createStatement();
        ResultSet now =
            statement.executeQuery(
                "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")) {
      now.next();
      return now.getString(1);
    }
  }

  /** Ends the current WAL segment and waits until the archive holds it. */
  public void archiveCurrentSegment() throws SQLException, InterruptedException {
    String segment;
    try (Connection db = connect(build.port());
        Statement statement = db.createStatement();
        ResultSet switched = statement.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
      switched.next();
      segment = switched.getString(1);
    }
    Path archived = archive.resolve(segment);
    // the archiver is another process: nothing to await but the file
    if (!Await.until(() -> Files.exists(archived), Duration.ofSeconds(60))) {
      throw new AssertionError("WAL segment " + segment + " was not archived within 60 s");
    }
  }

  /**
   * Restores {@code base} into a fresh cluster listening on {@code port}, replays the archive up to
   * {@code target} (a time, as {@link #pointInTime} gives), promotes it and waits until it accepts
   * writes. The restored cluster archives nothing.
   */
  public PostgresServer restore(Path base, String target, int port)
      throws IOException, InterruptedException, SQLException {
    Path data = build.runtimeDirectory().resolve("restored-" + System.nanoTime());
    copyTree(base, data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        data.resolve("postgresql.auto.conf"),
        "\nrestore_command = "
            + literal("cp '" + archive + "/%f' %p")
            + "\nrecovery_target_time = "
            + literal(target)
            + "\nrecovery_target_action = 'promote'\narchive_mode = 'off'\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.createFile(data.resolve("recovery.signal"));
    PostgresServer.handOver(data);
    PostgresServer restored = build.cluster(data, port);
    restored.launch();
    // promotion happens inside the server once replay reaches the target
    if (!Await.until(() -> !inRecovery(port), Duration.ofSeconds(60))) {
      throw new AssertionError("the restored cluster was not promoted within 60 s");
    }
    return restored;
  }

  private boolean inRecovery(int port) {
    try (Connection db = connect(port);
        Statement statement = db.createStatement();
        ResultSet recovery = statement.executeQuery("SELECT pg_is_in_recovery()")) {
      recovery.next();
      return recovery.getBoolean(1);
    } catch (SQLException e) {
      throw new IllegalStateException("the restored cluster does not answer", e);
    }
  }

  /**
   * The newest {@code pg_dump} on this machine (on the {@code PATH} or under {@code
   * /usr/lib/postgresql}) whose major version can dump the build's server, which must be the same
   * or older; empty when there is none.
   */
  public Optional<Path> dumpTool() throws SQLException {
    int server = serverMajor();
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "pg_dump"));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.forEach(v -> candidates.add(v.resolve("bin/pg_dump")));
      } catch (IOException e) {
        // nothing readable there
      }
    }
    return candidates.stream()
        .filter(Files::isExecutable)
        .filter(tool -> Files.isExecutable(tool.resolveSibling("pg_restore")))
        .filter(tool -> major(tool) >= server)
        .max(Comparator.comparingInt(PostgresBackup::major));
  }

  /** The build's server major version, for {@link #dumpTool}'s message and choice. */
  public int serverMajor() throws SQLException {
    try (Connection db = connect(build.port());
        Statement statement = db.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version_num")) {
      version.next();
      return Integer.parseInt(version.getString(1)) / 10000;
    }
  }

  private static int major(Path tool) {
    try {
      Process process = new ProcessBuilder(tool.toString(), "--version").start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      Matcher version = Pattern.compile("(\\d+)(\\.\\d+)?").matcher(out);
      return version.find() ? Integer.parseInt(version.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * A logical dump of the database {@code setpoint} while it serves, as docs/backups.md takes it:
   * {@code pg_dump --format=custom}, over TCP as the database's owner.
   */
  public Path logicalDump(Path pgDump) throws IOException, InterruptedException {
    Path file = build.runtimeDirectory().resolve("setpoint-" + System.nanoTime() + ".dump");
    client(pgDump, "--format=custom", "--file=" + file, "--dbname=setpoint");
    return file;
  }

  /**
   * Restores a logical dump into a fresh, empty cluster on {@code port} (same superuser and
   * password, as the operator would create it): {@code pg_restore --no-owner} in one transaction,
   * stopping at the first error.
   */
  public PostgresServer restoreLogical(Path pgDump, Path dump, int port)
      throws IOException, InterruptedException {
    Path data = build.runtimeDirectory().resolve("restored-logical-" + System.nanoTime());
    PostgresServer restored = build.freshCluster(data, port, password);
    client(
        pgDump.resolveSibling("pg_restore"),
        port,
        "--no-owner",
        "--exit-on-error",
        "--single-transaction",
        "--dbname=setpoint",
        dump.toString());
    return restored;
  }

  private void client(Path tool, String... args) throws IOException, InterruptedException {
    client(tool, build.port(), args);
  }

  /** Runs a PostgreSQL client tool against the cluster on {@code port}; fails unless it exits 0. */
  private void client(Path tool, int port, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(
        List.of("--host=127.0.0.1", "--port=" + port, "--username=" + user, "--no-password"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // the generated password of this run, for this child process only
    builder.environment().put("PGPASSWORD", password);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new AssertionError(tool.getFileName() + " failed: " + output);
    }
  }

  /** Stops a restored cluster and removes its data, and removes the backups and the archive. */
  public void discard(PostgresServer restored, Path... backups)
      throws IOException, InterruptedException {
    if (restored != null) {
      restored.stop();
      PostgresServer.delete(restored.dataDirectory());
    }
    for (Path backup : backups) {
      PostgresServer.delete(backup);
    }
    if (archive != null) {
      PostgresServer.delete(archive);
    }
  }

  /** The size of a directory's files, in bytes. */
  public static long size(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(PostgresBackup::sizeOf).sum();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Copies a live data directory: files may change or vanish while it runs (the WAL replay makes
   * the copy consistent), so a vanished file is skipped.
   */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return dir.equals(from) || !EMPTIED_DIRECTORIES.contains(dir.getFileName().toString())
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (file.getParent().equals(from)
                && SKIPPED_FILES.contains(file.getFileName().toString())) {
              return FileVisitResult.CONTINUE;
            }
            try {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            } catch (NoSuchFileException vanished) {
              // removed by the server meanwhile
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
  }

  /** An SQL string literal: single quotes, each quote inside doubled. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
