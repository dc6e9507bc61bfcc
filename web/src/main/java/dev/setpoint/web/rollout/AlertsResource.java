package dev.setpoint.web.rollout;

import dev.setpoint.api.rollout.AlertNotification;
import dev.setpoint.api.rollout.AlertReceipt;
import dev.setpoint.domain.rollout.Rollouts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /alerts}: an Alertmanager-compatible webhook receiver. Alertmanager sends a bearer
 * credential ({@code http_config.authorization}): a Setpoint service token of the environments its
 * alerts may stop.
 */
@Path("/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rollouts")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "500", ref = "ServerError")
public class AlertsResource {

  @Inject Rollouts rollouts;

  @POST
  @Operation(
      operationId = "receiveAlerts",
      summary = "Receive alerts (Alertmanager webhook)",
      description =
          "Alertmanager's webhook_config payload (version 4). Each firing alert labelled"
              + " setpoint_application and setpoint_environment rolls back that environment's"
              + " rollout under way when it stops on alert, provided the caller may receive"
              + " the environment (its service token, or a person who may reveal its secrets);"
              + " other alerts are ignored. Resolved alerts change nothing.")
  @Extension(name = "x-setpoint-access", value = "authenticated")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = AlertNotification.class)))
  @APIResponse(
      responseCode = "200",
      description = "Received; the rollouts rolled back.",
      content = @Content(schema = @Schema(implementation = AlertReceipt.class)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public AlertReceipt receive(@NotNull AlertNotification notification) {
    List<AlertNotification.Alert> alerts =
        notification.alerts() == null ? List.of() : notification.alerts();
    List<Rollouts.FiringAlert> firing =
        alerts.stream()
            .filter(a -> a != null)
            .filter(a -> "firing".equals(a.status() == null ? notification.status() : a.status()))
            .map(a -> new Rollouts.FiringAlert(a.labels() == null ? Map.of() : a.labels()))
            .toList();
    List<AlertReceipt.RolledBack> rolledBack =
        rollouts.alerts(firing).stream()
            .map(r -> new AlertReceipt.RolledBack(r.application(), r.environment(), r.release()))
            .toList();
    return new AlertReceipt(alerts.size(), rolledBack);
  }
}
