package dev.setpoint.domain.backup;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

/**
 * The online backup of the embedded database: a platform admin asks, the live database is copied
 * into {@code setpoint.backup.dir} while it keeps serving, and the backup is audited. It holds
 * sealed secrets but never a master key (docs/backups.md).
 */
@ApplicationScoped
public class OnlineBackup {

  private static final Logger LOG = Logger.getLogger(OnlineBackup.class.getName());

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'setpoint-'yyyyMMdd'T'HHmmssSSS'Z.zip'")
          .withZone(ZoneOffset.UTC);

  /** A backup that was written. */
  public record Taken(Path file, long bytes, Duration took, Instant at) {}

  private final Access access;
  private final AuditTrail trail;
  private final DatabaseBackup backup;
  private final BackupConfig config;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected OnlineBackup() {
    this(null, null, null, null, null);
  }

  @Inject
  public OnlineBackup(
      Access access, AuditTrail trail, DatabaseBackup backup, BackupConfig config, Clock clock) {
    this.access = access;
    this.trail = trail;
    this.backup = backup;
    this.config = config;
    this.clock = clock;
  }

  /** Writes a backup now (platform admins). */
  public Taken take() {
    access.requirePlatformAdmin();
    Instant at = clock.instant();
    Path file = config.dir().resolve(NAME.format(at)).toAbsolutePath();
    long started = System.nanoTime();
    long bytes = backup.writeTo(file);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    trail.success(
        AuditAction.DATABASE_BACKUP,
        AuditTarget.PLATFORM,
        "online backup " + file.getFileName() + ", " + bytes + " bytes");
    LOG.info(
        () ->
            "Online backup written to "
                + file
                + " ("
                + bytes
                + " bytes, "
                + took.toMillis()
                + " ms)");
    return new Taken(file, bytes, took, at);
  }
}
