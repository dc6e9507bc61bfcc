package dev.setpoint.web.access;

import dev.setpoint.api.access.RoleBindingRequest;
import dev.setpoint.api.access.RoleBindingView;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.RoleService;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /roles}: who holds which role where. */
@Path("/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class RolesResource {

  @Inject RoleService roles;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @POST
  @Operation(
      operationId = "grantRole",
      summary = "Grant a role",
      description =
          "Platform-wide bindings need a platform admin; bindings on an application need its admin"
              + " role; bindings on an environment need the admin role on it (granted on the"
              + " environment itself for production).")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(
      responseCode = "201",
      description = "Granted.",
      content = @Content(schema = @Schema(implementation = RoleBindingView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response grant(@RequestBody(required = true) @Valid @NotNull RoleBindingRequest request) {
    RoleBinding binding =
        roles.grant(
            request.principal(), request.role(), request.application(), request.environment());
    return Response.created(uri.getAbsolutePathBuilder().path(binding.id().toString()).build())
        .entity(AccessViews.of(binding))
        .build();
  }

  @GET
  @Operation(
      operationId = "listRoles",
      summary = "List role bindings",
      description =
          "With application: its bindings (any role on it may read them). Without: every binding,"
              + " for platform admins.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of bindings, by id.")
  public Page<RoleBindingView> list(
      @Parameter(description = "Application slug.") @QueryParam("application") String application,
      @BeanParam PageParams page) {
    PageRequest asked = page.toRequest();
    Slug named = application == null ? null : names.application(application);
    return Cursors.toPage(roles.list(named, asked), AccessViews::of);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "revokeRole",
      summary = "Remove a role binding",
      description = "Needs the same role as granting it; takes effect on the next request.")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(responseCode = "204", description = "Removed.")
  public Response revoke(@PathParam("id") UUID id) {
    roles.revoke(id);
    return Response.noContent().build();
  }
}
