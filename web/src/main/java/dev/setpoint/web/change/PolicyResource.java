package dev.setpoint.web.change;

import dev.setpoint.api.change.ReviewPolicyRequest;
import dev.setpoint.api.change.ReviewPolicyView;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.change.PolicyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /applications/{app}/environments/{env}/policy}: the environment's review policy. */
@Path("/applications/{app}/environments/{env}/policy")
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
public class PolicyResource {

  @Inject PolicyService policies;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(
      operationId = "getReviewPolicy",
      summary = "Read the review policy",
      description =
          "The policy in force: the environment's own, or the default (production needs one"
              + " approval while SETPOINT_CHANGE_CONTROL_ENABLED is true; otherwise none).")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The policy in force.",
      content = @Content(schema = @Schema(implementation = ReviewPolicyView.class)))
  public ReviewPolicyView get() {
    return ChangeViews.of(policies.get(names.environment(app, env)));
  }

  @PUT
  @Operation(
      operationId = "setReviewPolicy",
      summary = "Set the review policy",
      description =
          "With approvals above 0, direct writes to the environment (settings, secrets, deletes,"
              + " imports, copies, publishing) are refused with 409"
              + " urn:setpoint:problem:change-request-required and go through change requests."
              + " Needs the admin role on the environment.")
  @Extension(name = "x-setpoint-access", value = "manage")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ReviewPolicyRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The policy now in force.",
      content = @Content(schema = @Schema(implementation = ReviewPolicyView.class)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public ReviewPolicyView set(@Valid @NotNull ReviewPolicyRequest body) {
    return ChangeViews.of(
        policies.set(
            names.environment(app, env),
            body.approvals(),
            body.approvers() == null ? null : body.approvers().role(),
            body.approvers() == null ? null : body.approvers().principals()));
  }
}
