package dev.setpoint.client.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that only their owner may read: directories {@code rwx------}, files {@code
 * rw-------} where the file system has POSIX permissions, each file replaced atomically (written to
 * a temporary file beside it, flushed, then moved over the old one) so a reader never sees half a
 * file.
 */
public final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code content} to {@code target}, creating missing parent directories owner-only.
   * Existing parents keep their permissions.
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path file = target.toAbsolutePath();
    Path directory = file.getParent();
    createDirectories(directory);
    Path temporary =
        posix()
            ? Files.createTempFile(directory, ".setpoint-", ".tmp", attribute(FILE))
            : Files.createTempFile(directory, ".setpoint-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (posix()) {
        Files.setPosixFilePermissions(temporary, FILE);
      }
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Creates {@code directory} and its missing parents owner-only. */
  public static void createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (posix()) {
      Files.createDirectories(directory, attribute(DIRECTORY));
      Files.setPosixFilePermissions(directory, DIRECTORY);
    } else {
      Files.createDirectories(directory);
    }
  }

  /** Whether the default file system supports POSIX permissions. */
  public static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> set) {
    return PosixFilePermissions.asFileAttribute(set);
  }
}
