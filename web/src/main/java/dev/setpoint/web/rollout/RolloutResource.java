package dev.setpoint.web.rollout;

import dev.setpoint.api.rollout.RolloutView;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.rollout.Rollouts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /applications/{app}/environments/{env}/rollout}: the environment's staged rollout, how far
 * it got, and its manual controls.
 */
@Path("/applications/{app}/environments/{env}/rollout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Rollouts")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class RolloutResource {

  @Inject Rollouts rollouts;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(
      operationId = "getRollout",
      summary = "Read the environment's rollout",
      description =
          "The newest staged rollout (state none when there never was one): its step, the"
              + " instances seen since it began by release and by cohort, and how it ended.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The rollout.",
      content = @Content(schema = @Schema(implementation = RolloutView.class)))
  public RolloutView get() {
    return RolloutViews.of(rollouts.status(where()));
  }

  @POST
  @Path("pause")
  @Operation(
      operationId = "pauseRollout",
      summary = "Pause the rollout",
      description =
          "Holds the current step: no further step until resumed. Stop conditions still roll it"
              + " back. 409 unless running.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @APIResponse(
      responseCode = "200",
      description = "The paused rollout.",
      content = @Content(schema = @Schema(implementation = RolloutView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public RolloutView pause() {
    return RolloutViews.of(rollouts.pause(where()));
  }

  @POST
  @Path("resume")
  @Operation(
      operationId = "resumeRollout",
      summary = "Resume a paused rollout",
      description = "The current step's bake time starts over. 409 unless paused.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @APIResponse(
      responseCode = "200",
      description = "The running rollout.",
      content = @Content(schema = @Schema(implementation = RolloutView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public RolloutView resume() {
    return RolloutViews.of(rollouts.resume(where()));
  }

  @POST
  @Path("advance")
  @Operation(
      operationId = "advanceRollout",
      summary = "Move the rollout to its next step now",
      description =
          "Without waiting for the bake time; at the last step this completes the rollout. 409"
              + " when no rollout is under way.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @APIResponse(
      responseCode = "200",
      description = "The rollout after the step.",
      content = @Content(schema = @Schema(implementation = RolloutView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public RolloutView advance() {
    return RolloutViews.of(rollouts.advance(where()));
  }

  @POST
  @Path("abort")
  @Operation(
      operationId = "abortRollout",
      summary = "Abort the rollout",
      description =
          "Ends it and returns every instance to the stable release: a new release with the"
              + " stable release's content, served to all with their next read or watch. 409"
              + " when no rollout is under way.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @APIResponse(
      responseCode = "200",
      description = "The aborted rollout.",
      content = @Content(schema = @Schema(implementation = RolloutView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public RolloutView abort() {
    return RolloutViews.of(rollouts.abort(where()));
  }

  private EnvironmentRef where() {
    return names.environment(app, env);
  }
}
