package dev.setpoint.web.rollout;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.api.rollout.HealthReceipt;
import dev.setpoint.api.rollout.HealthReport;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.delivery.InstanceIds;
import dev.setpoint.domain.rollout.Rollouts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * {@code /applications/{app}/environments/{env}/consumers/{instance}/health}: a running instance
 * reports its readiness (the client library does when it goes DOWN after a change).
 */
@Path("/applications/{app}/environments/{env}/consumers/{instance}/health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rollouts")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ConsumerHealthResource {

  @Inject Rollouts rollouts;

  @POST
  @Operation(
      operationId = "reportConsumerHealth",
      summary = "Report a running instance's health",
      description =
          "With the environment's service token (or as someone who may receive its"
              + " configuration). DOWN from an instance that a rollout under way serves the new"
              + " release rolls the rollout back at once when it stops on health; any other"
              + " report is only acknowledged. The message is not stored.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = HealthReport.class)))
  @APIResponse(
      responseCode = "200",
      description = "Received.",
      content = @Content(schema = @Schema(implementation = HealthReceipt.class)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public HealthReceipt report(
      @PathParam("app") String app,
      @PathParam("env") String env,
      @Parameter(
              description = "The instance's X-Setpoint-Instance.",
              schema = @Schema(type = SchemaType.STRING, pattern = Delivery.INSTANCE_PATTERN))
          @PathParam("instance")
          String instance,
      @Valid @NotNull HealthReport report) {
    InstanceIds.check("instance", instance);
    boolean down = "DOWN".equals(report.status());
    boolean rolledBack = rollouts.reportHealth(EnvironmentRef.parse(app, env), instance, down);
    return new HealthReceipt(instance, report.status(), rolledBack);
  }
}
