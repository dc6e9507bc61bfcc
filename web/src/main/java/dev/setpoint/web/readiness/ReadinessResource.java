package dev.setpoint.web.readiness;

import dev.setpoint.api.readiness.ReadinessView;
import dev.setpoint.api.readiness.SuppressionRequest;
import dev.setpoint.api.readiness.SuppressionView;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.readiness.ReadinessReports;
import dev.setpoint.domain.readiness.ReadinessSuppressions;
import dev.setpoint.domain.readiness.SuppressFinding;
import dev.setpoint.domain.readiness.Suppression;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code …/environments/{env}/readiness}: the checklist applied to one environment. */
@Path("/applications/{app}/environments/{env}/readiness")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ReadinessResource {

  @Inject ReadinessReports reports;

  @Inject ReadinessSuppressions suppressions;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(
      operationId = "getReadiness",
      summary = "Check an environment against the production checklist",
      description =
          "Evaluates the rules now (docs/readiness.md) and answers the open findings with the"
              + " time each was first seen; suppressed findings are listed but do not count.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The environment's readiness.",
      content = @Content(schema = @Schema(implementation = ReadinessView.class)))
  public ReadinessView get() {
    return ReadinessViews.of(reports.report(names.environment(app, env)));
  }

  @POST
  @Path("suppressions")
  @Operation(
      operationId = "suppressFinding",
      summary = "Suppress a finding",
      description =
          "Accepts one rule (for one key, or the whole environment) until expiresAt, with a"
              + " reason; recorded in the audit trail. Expired suppressions stop applying.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "201",
      description = "Suppressed.",
      content = @Content(schema = @Schema(implementation = SuppressionView.class)))
  public Response suppress(
      @RequestBody(required = true) @Valid @NotNull SuppressionRequest request) {
    Suppression suppression =
        suppressions.suppress(
            new SuppressFinding(
                names.environment(app, env),
                request.rule(),
                request.key(),
                request.reason(),
                request.expiresAt()));
    return Response.created(uri.getAbsolutePathBuilder().path(suppression.id().toString()).build())
        .entity(ReadinessViews.of(suppression))
        .build();
  }

  @DELETE
  @Path("suppressions/{id}")
  @Operation(
      operationId = "deleteSuppression",
      summary = "Lift a suppression",
      description = "The finding counts again at once; recorded in the audit trail.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(responseCode = "204", description = "Lifted.")
  public Response unsuppress(@PathParam("id") UUID id) {
    suppressions.unsuppress(names.environment(app, env), id);
    return Response.noContent().build();
  }
}
