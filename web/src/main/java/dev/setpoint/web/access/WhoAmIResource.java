package dev.setpoint.web.access;

import dev.setpoint.api.access.WhoAmIView;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /whoami}: the caller as Setpoint sees it, with its role bindings. */
@Path("/whoami")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class WhoAmIResource {

  @Inject Access access;

  @GET
  @Operation(
      operationId = "whoAmI",
      summary = "Who am I",
      description = "The authenticated caller, its groups and its role bindings.")
  @Extension(name = "x-setpoint-access", value = "authenticated")
  @APIResponse(responseCode = "200", description = "The caller.")
  public WhoAmIView whoAmI() {
    Caller caller = access.requireAuthenticated();
    return new WhoAmIView(
        caller.name(),
        caller.kind() == Caller.Kind.SERVICE_TOKEN ? "service-token" : "user",
        caller.groups().stream().sorted().toList(),
        access.platformAdmin(),
        access.bindingsOfCaller().stream().map(AccessViews::of).toList());
  }
}
