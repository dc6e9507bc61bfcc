package dev.setpoint.web.transfer;

import dev.setpoint.api.transfer.CopyRequest;
import dev.setpoint.api.transfer.CopyResultView;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.transfer.EnvironmentCopy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /applications/{app}/environments/{env}/copy}: values copied here from another one. */
@Path("/applications/{app}/environments/{env}/copy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Import")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class CopyResource {

  @Inject EnvironmentCopy copies;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @POST
  @Operation(
      operationId = "copyIntoEnvironment",
      summary = "Copy values from another environment",
      description =
          "Copies the values in force of the listed keys (all keys with a value when none are"
              + " listed) from 'from' into this environment as one change: settings become"
              + " overrides here, secrets new versions (revealed from 'from', which needs the"
              + " reveal role there). Needs write here (on a production environment, the role on"
              + " that environment itself) and read on 'from'. The answer carries the plan and"
              + " this environment's readiness: as it is for a dry run, as the copy leaves it"
              + " once applied. Refused keys make the copy a 422 unless skipRefused=true.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "The plan and the target's readiness; applied unless dryRun=true.",
      content = @Content(schema = @Schema(implementation = CopyResultView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public CopyResultView copy(
      @Parameter(description = ImportMedia.DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("dryRun")
          String dryRun,
      @Parameter(
              description = ImportMedia.SKIP_REFUSED,
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("skipRefused")
          String skipRefused,
      @RequestBody(required = true) @Valid @NotNull CopyRequest request) {
    EnvironmentRef where = names.environment(app, env);
    return TransferViews.of(
        copies.copy(
            where,
            request.from(),
            request.keys(),
            TransferViews.flag("dryRun", dryRun),
            TransferViews.flag("skipRefused", skipRefused)),
        where.env().value());
  }
}
