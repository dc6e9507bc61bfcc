package dev.setpoint.web.system;

import dev.setpoint.api.readiness.SystemReadinessView;
import dev.setpoint.domain.readiness.SystemReadinessRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /system/readiness}: Setpoint's own configuration against the production checklist. */
@Path("/system/readiness")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class SystemReadinessResource {

  @Inject SystemReadinessRules readiness;

  @GET
  @Operation(
      operationId = "systemReadiness",
      summary = "Check Setpoint's own production settings",
      description =
          "Profile, HTTPS, debug logging, where the master key and the admin password come from,"
              + " the database, pool limits, rate limits and backups. Findings are reported here"
              + " only: /health/ready stays about the ability to serve.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "200",
      description = "This server's findings.",
      content = @Content(schema = @Schema(implementation = SystemReadinessView.class)))
  public SystemReadinessView get() {
    List<SystemReadinessView.Check> found =
        readiness.check().stream()
            .map(
                c ->
                    new SystemReadinessView.Check(
                        c.rule().id(),
                        c.rule().severity().wireName(),
                        c.rule().message(),
                        c.rule().remediation(),
                        c.rule().setting()))
            .toList();
    return new SystemReadinessView(found.isEmpty() ? "ready" : "attention", found);
  }
}
