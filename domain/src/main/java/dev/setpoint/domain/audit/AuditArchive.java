package dev.setpoint.domain.audit;

import dev.setpoint.domain.shared.Unavailable;
import java.util.function.Consumer;

/**
 * Where pruned events go before they leave the table: the port a prune writes through, implemented
 * outside the domain (JSON Lines files in {@code setpoint.audit.archive-dir}).
 */
public interface AuditArchive {

  /** The events to archive, oldest first, read in batches as they are written. */
  @FunctionalInterface
  interface Events {
    void forEach(Consumer<AuditEvent> sink);
  }

  /**
   * Writes {@code events} to the archive {@code name}, durably (on disk) before it returns.
   *
   * @return where the archive is, as the checkpoint names it
   * @throws Unavailable when it cannot be written; nothing is pruned then
   */
  String write(String name, Events events);
}
