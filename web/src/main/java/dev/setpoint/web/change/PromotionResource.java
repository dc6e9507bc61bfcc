package dev.setpoint.web.change;

import dev.setpoint.api.change.ChangeRequestView;
import dev.setpoint.api.change.PromotionRequest;
import dev.setpoint.api.release.ReleaseView;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.change.Promotion;
import dev.setpoint.web.http.Preconditions;
import dev.setpoint.web.release.ReleaseViews;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /applications/{app}/environments/{env}/promote}: promote another environment's release.
 */
@Path("/applications/{app}/environments/{env}/promote")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Change control")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class PromotionResource {

  @Inject Promotion promotion;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @POST
  @Operation(
      operationId = "promoteRelease",
      summary = "Promote a release into this environment",
      description =
          "Maps a release of environment `from` (its latest unless `release` is given) onto this"
              + " one: settings whose value differs become changes, keys only this environment"
              + " has stay, types must match, and every secret the release pins must have a value"
              + " of this environment's own (copied only while SETPOINT_SECRETS_REUSE is warn)."
              + " The changes end with a publish whose message names the source release. Under a"
              + " review policy the answer is 202 with the change request; without one, 201 with"
              + " the new release. Misfits are refused with 422 naming each key.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = PromotionRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Promoted at once (no review policy): the new release.",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ReleaseView.class)))
  @APIResponse(
      responseCode = "202",
      description = "Proposed as a change request, to be reviewed and applied.",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public Response promote(@Valid @NotNull PromotionRequest body) {
    Promotion.Promoted promoted =
        promotion.promote(names.environment(app, env), body.from(), body.release(), body.message());
    if (promoted.release() == null) {
      int number = promoted.request().request().number();
      return Response.accepted(ChangeViews.detail(promoted.request()))
          .location(
              uri.getBaseUriBuilder()
                  .path("applications/{app}/environments/{env}/change-requests/{number}")
                  .build(app, env, number))
          .build();
    }
    return Response.created(
            uri.getBaseUriBuilder()
                .path("applications/{app}/environments/{env}/releases/{number}")
                .build(app, env, promoted.release().number()))
        .tag(Preconditions.tag(promoted.release().hash()))
        .entity(ReleaseViews.summary(promoted.release()))
        .build();
  }
}
