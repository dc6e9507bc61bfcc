package dev.setpoint.persistence.backup;

import dev.setpoint.domain.backup.DatabaseBackup;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Unavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * H2's {@code BACKUP TO}: a ZIP of the database files, consistent as of the statement's start (H2's
 * MVCC), written while the database serves. It is written beside its final name and moved into
 * place, owner-readable only: it holds sealed secrets and password hashes. On any other database
 * the backup is refused: PostgreSQL is backed up with its own tools (docs/backups.md).
 */
@ApplicationScoped
public class H2OnlineBackup implements DatabaseBackup {

  @Resource(lookup = "jdbc/setpoint")
  private DataSource dataSource;

  @Override
  public long writeTo(Path target) {
    Path directory = target.getParent();
    Path partial = directory.resolve(target.getFileName() + ".partial");
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (!"H2".equalsIgnoreCase(product)) {
        throw new Conflict(
            "Setpoint takes online backups of its embedded H2 database only; back up "
                + product
                + " with its own tools (pg_dump, or a base backup with WAL archiving), as"
                + " docs/backups.md describes");
      }
      createPrivateDirectory(directory);
      try (Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO " + literal(partial));
      }
      ownerOnly(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return Files.size(target);
    } catch (SQLException | IOException e) {
      deleteQuietly(partial);
      throw new Unavailable(
          "The backup could not be written to "
              + directory
              + " (SETPOINT_BACKUP_DIR): "
              + e.getClass().getSimpleName(),
          e);
    }
  }

  /** An SQL string literal: the path in single quotes, each quote doubled. */
  private static String literal(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (posix()) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the partial file is left behind; its name says it is incomplete
    }
  }
}
