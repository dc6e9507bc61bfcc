package dev.setpoint.web.access;

import dev.setpoint.api.access.IssuedTokenView;
import dev.setpoint.api.access.TokenRequest;
import dev.setpoint.api.access.TokenView;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.access.TokenService;
import dev.setpoint.web.http.Callers;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /tokens}: service tokens applications use to read their delivered configuration. */
@Path("/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class TokensResource {

  @Inject Clock clock;
  @Inject TokenService tokens;

  @Context UriInfo uri;

  @POST
  @Operation(
      operationId = "issueToken",
      summary = "Issue a service token",
      description =
          "Needs the admin role on every environment named (on the environment itself for"
              + " production). The answer is the only time the token is shown.")
  @Extension(name = "x-setpoint-access", value = "manage")
  @APIResponse(
      responseCode = "201",
      description = "Issued; the token is in this answer only.",
      content = @Content(schema = @Schema(implementation = IssuedTokenView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response issue(@RequestBody(required = true) @Valid @NotNull TokenRequest request) {
    TokenService.Issued issued =
        tokens.issue(
            request.name(), request.application(), request.environments(), request.expiresAt());
    String id = issued.token().id().toString();
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .cacheControl(Callers.noStore())
        .entity(
            new IssuedTokenView(
                id, issued.secret(), AccessViews.of(issued.token(), clock.instant())))
        .build();
  }

  @GET
  @Operation(
      operationId = "listTokens",
      summary = "List service tokens",
      description =
          "Tokens of the applications the caller administers (all for platform admins), by id;"
              + " never the tokens themselves.")
  @Extension(name = "x-setpoint-access", value = "administered")
  @APIResponse(responseCode = "200", description = "One page of tokens.")
  public Page<TokenView> list(@BeanParam PageParams page) {
    Instant now = clock.instant();
    return Cursors.toPage(tokens.list(page.toRequest()), t -> AccessViews.of(t, now));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "revokeToken",
      summary = "Revoke a service token",
      description = "Takes effect on the next request that presents it, on every server.")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response revoke(@PathParam("id") UUID id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }
}
