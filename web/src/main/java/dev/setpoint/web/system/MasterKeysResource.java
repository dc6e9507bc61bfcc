package dev.setpoint.web.system;

import dev.setpoint.api.secret.MasterKeysView;
import dev.setpoint.domain.secret.MasterKeyRotation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /system/keys}: master-key status and the re-wrap job of a master-key rotation. */
@Path("/system/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Secrets")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
@APIResponse(responseCode = "503", ref = "SecretsUnavailable")
public class MasterKeysResource {

  @Inject MasterKeyRotation rotation;

  @GET
  @Operation(
      operationId = "getMasterKeys",
      summary = "Master-key status",
      description = "Loaded key ids (never keys), ids in use, and the re-wrap job's progress.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "200",
      description = "The status.",
      content = @Content(schema = @Schema(implementation = MasterKeysView.class)))
  public MasterKeysView status() {
    return view(rotation.report());
  }

  @POST
  @Path("rewrap")
  @Operation(
      operationId = "rewrapMasterKeys",
      summary = "Re-wrap every data key under the primary master key",
      description =
          "Starts the background job (or reports the running one). Reads keep working meanwhile;"
              + " when versionsNotOnPrimary is 0, older keys can be removed from the key file.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "202",
      description = "Started or already running.",
      content = @Content(schema = @Schema(implementation = MasterKeysView.class)))
  public Response rewrap() {
    return Response.accepted(view(rotation.start())).build();
  }

  private static MasterKeysView view(MasterKeyRotation.Status status) {
    MasterKeyRotation.Progress p = status.rewrap();
    return new MasterKeysView(
        status.primaryKeyId(),
        status.loadedKeyIds(),
        status.keyIdsInUse(),
        status.versionsNotOnPrimary(),
        new MasterKeysView.Rewrap(
            p.state(),
            p.targetKeyId(),
            p.total(),
            p.rewrapped(),
            p.unreadable(),
            p.startedAt(),
            p.finishedAt(),
            p.error()));
  }
}
