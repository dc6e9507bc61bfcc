package dev.setpoint.domain.backup;

import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Unavailable;
import java.nio.file.Path;

/**
 * A consistent copy of the live database, taken while it serves: the port the online backup writes
 * through, implemented beside the repositories (H2's {@code BACKUP TO}).
 */
public interface DatabaseBackup {

  /**
   * Writes the database, as committed when the copy starts, to the file {@code target}; the file
   * exists only once it is complete.
   *
   * @return its size in bytes
   * @throws Conflict when the database is not one Setpoint copies itself (PostgreSQL is backed up
   *     with its own tools)
   * @throws Unavailable when the copy cannot be written
   */
  long writeTo(Path target);
}
