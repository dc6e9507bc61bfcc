package dev.setpoint.web.access;

import dev.setpoint.api.access.PasswordRequest;
import dev.setpoint.api.access.UserRequest;
import dev.setpoint.api.access.UserSessionView;
import dev.setpoint.api.access.UserView;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.access.SessionService;
import dev.setpoint.domain.access.User;
import dev.setpoint.domain.access.UserService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /users}: the built-in user store (embedded mode). */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class UsersResource {

  @Inject UserService users;
  @Inject SessionService sessions;

  @Context UriInfo uri;

  @POST
  @Operation(
      operationId = "createUser",
      summary = "Add a user",
      description = "Platform admins only. The password is stored as a PBKDF2 hash.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "201",
      description = "Added.",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response create(@RequestBody(required = true) @Valid @NotNull UserRequest request) {
    User user = users.create(request.username(), request.password().toCharArray());
    return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build())
        .entity(AccessViews.of(user))
        .build();
  }

  @GET
  @Operation(operationId = "listUsers", summary = "List users", description = "By name.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(responseCode = "200", description = "One page of users.")
  public Page<UserView> list(@BeanParam PageParams page) {
    return Cursors.toPage(users.list(page.toRequest()), AccessViews::of);
  }

  @PUT
  @Path("{username}/password")
  @Operation(
      operationId = "changePassword",
      summary = "Set a user's password",
      description = "Every user may change their own; platform admins anyone's.")
  @Extension(name = "x-setpoint-access", value = "self")
  @APIResponse(responseCode = "204", description = "Changed.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response changePassword(
      @PathParam("username") String username,
      @RequestBody(required = true) @Valid @NotNull PasswordRequest request) {
    users.changePassword(username, request.password().toCharArray());
    return Response.noContent().build();
  }

  @GET
  @Path("{username}/sessions")
  @Operation(
      operationId = "listUserSessions",
      summary = "A user's console sessions",
      description =
          "The user's live console sessions, oldest first (never their ids or tokens). Every"
              + " user may list their own; platform admins anyone's.")
  @Extension(name = "x-setpoint-access", value = "self")
  @APIResponse(responseCode = "200", description = "The live sessions, on one page.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Page<UserSessionView> sessions(@PathParam("username") String username) {
    return new Page<>(sessions.of(username).stream().map(AccessViews::of).toList(), null);
  }

  @DELETE
  @Path("{username}/sessions")
  @Operation(
      operationId = "revokeUserSessions",
      summary = "End a user's console sessions",
      description =
          "Ends every console session of the user on every server at once (audited as"
              + " session.end). Every user may end their own (signing out everywhere); platform"
              + " admins anyone's.")
  @Extension(name = "x-setpoint-access", value = "self")
  @APIResponse(responseCode = "204", description = "Ended.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response revokeSessions(@PathParam("username") String username) {
    sessions.revokeAll(username);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{username}")
  @Operation(
      operationId = "deleteUser",
      summary = "Remove a user",
      description = "Platform admins only; not yourself. Role bindings naming them stay.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response delete(@PathParam("username") String username) {
    users.delete(username);
    return Response.noContent().build();
  }
}
