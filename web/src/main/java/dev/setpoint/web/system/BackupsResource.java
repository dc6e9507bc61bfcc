package dev.setpoint.web.system;

import dev.setpoint.api.system.BackupView;
import dev.setpoint.domain.backup.OnlineBackup;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /system/backups}: an online backup of the embedded database. */
@Path("/system/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class BackupsResource {

  @Inject OnlineBackup backups;

  @POST
  @Operation(
      operationId = "takeBackup",
      summary = "Back up the embedded H2 database while it serves",
      description =
          "Writes a consistent ZIP of the database into SETPOINT_BACKUP_DIR on the server. It holds"
              + " sealed secrets, never the master keys: keep those apart (docs/backups.md)."
              + " PostgreSQL is backed up with its own tools: 409.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "200",
      description = "The backup was written.",
      content = @Content(schema = @Schema(implementation = BackupView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public BackupView take() {
    OnlineBackup.Taken taken = backups.take();
    return new BackupView(
        taken.file().toString(), taken.bytes(), taken.took().toMillis(), taken.at());
  }
}
