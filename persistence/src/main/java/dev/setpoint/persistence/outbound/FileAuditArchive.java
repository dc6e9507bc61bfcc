package dev.setpoint.persistence.outbound;

import dev.setpoint.domain.audit.AuditArchive;
import dev.setpoint.domain.audit.AuditConfig;
import dev.setpoint.domain.shared.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Audit archives as JSON Lines files in {@code setpoint.audit.archive-dir}: written to a {@code
 * .partial} file, forced to disk, then moved into place atomically, so an archive that exists is
 * complete.
 */
@ApplicationScoped
public class FileAuditArchive implements AuditArchive {

  private final Supplier<Path> dir;

  /** For the CDI container's proxy only. */
  protected FileAuditArchive() {
    this.dir = null;
  }

  @Inject
  public FileAuditArchive(AuditConfig config) {
    this(config::archiveDir);
  }

  /** Archives in the directory {@code dir} gives at each write. */
  FileAuditArchive(Supplier<Path> dir) {
    this.dir = dir;
  }

  @Override
  public String write(String name, Events events) {
    Path directory = dir.get();
    Path target = directory.resolve(name);
    Path staged = directory.resolve(name + ".partial");
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
              FileChannel.open(
                  staged,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel);
          BufferedWriter lines =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        events.forEach(event -> line(lines, AuditJsonLine.of(event)));
        lines.flush();
        channel.force(true);
      }
      Files.move(
          staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target.toAbsolutePath().toString();
    } catch (IOException | UncheckedIOException e) {
      throw new Unavailable(
          "The audit archive cannot be written to "
              + directory.toAbsolutePath()
              + "; nothing was pruned",
          e);
    }
  }

  private static void line(BufferedWriter lines, String json) {
    try {
      lines.write(json);
      lines.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
