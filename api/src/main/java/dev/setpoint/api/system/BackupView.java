package dev.setpoint.api.system;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An online backup of the embedded database, as written on the server. */
@Schema(name = "Backup", description = "A backup file written on the server (never its content).")
public record BackupView(
    @Schema(
            description = "Where the ZIP file is on the server, in SETPOINT_BACKUP_DIR.",
            example = "/opt/setpoint/backups/setpoint-20260101T020000Z.zip")
        String file,
    @Schema(description = "Its size in bytes.") long bytes,
    @Schema(description = "How long writing it took, in milliseconds.") long durationMillis,
    @Schema(description = "When it was started; it holds what was committed by then.")
        Instant takenAt) {}
