package dev.setpoint.web.system;

import dev.setpoint.web.security.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /system/ping}: a constant answer through the same filters and JAX-RS stack as every other
 * endpoint and nothing else. It is the framework's ceiling in the delivery benchmark and a cheap
 * reachability check for load balancers.
 */
@Path("/system/ping")
@Public
@ApplicationScoped
@Tag(name = "System")
public class PingResource {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(operationId = "ping", summary = "A constant answer, touching nothing")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(responseCode = "200", description = "The text \"pong\".")
  public String ping() {
    return "pong";
  }
}
