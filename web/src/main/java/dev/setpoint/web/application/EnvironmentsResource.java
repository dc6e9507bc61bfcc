package dev.setpoint.web.application;

import dev.setpoint.api.application.EnvironmentRequest;
import dev.setpoint.api.application.EnvironmentView;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import dev.setpoint.web.http.Preconditions;
import dev.setpoint.web.http.Responses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /applications/{app}/environments}: the deployment targets of an application. */
@Path("/applications/{app}/environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class EnvironmentsResource {

  @Inject EnvironmentService environments;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @Context Request request;

  @PathParam("app")
  String app;

  @POST
  @Operation(operationId = "createEnvironment", summary = "Add an environment")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(
      responseCode = "201",
      description = "Added.",
      headers = {
        @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = EnvironmentView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response create(@RequestBody(required = true) @Valid @NotNull EnvironmentRequest request) {
    Environment created =
        environments.create(
            names.application(app), request.slug(), request.name(), request.production());
    return Responses.created(
        uri, created.slug().value(), created.version(), ApplicationViews.of(created));
  }

  @GET
  @Operation(
      operationId = "listEnvironments",
      summary = "List environments",
      description = "Ordered by slug, a page at a time.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of environments.")
  public Page<EnvironmentView> list(@BeanParam PageParams page) {
    PageRequest asked = page.toRequest();
    return Cursors.toPage(environments.list(names.application(app), asked), ApplicationViews::of);
  }

  @GET
  @Path("{env}")
  @Operation(operationId = "getEnvironment", summary = "Read an environment")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The environment, with its ETag.",
      content = @Content(schema = @Schema(implementation = EnvironmentView.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match matched the current ETag.")
  public Response get(@PathParam("env") String env) {
    Environment environment = environments.get(names.environment(app, env));
    return Responses.read(request, environment.version(), ApplicationViews.of(environment));
  }

  @PUT
  @Path("{env}")
  @Operation(
      operationId = "updateEnvironment",
      summary = "Describe an environment",
      description = "Replaces the name and production flag. Send If-Match to avoid lost updates.")
  @Extension(name = "x-setpoint-access", value = "manage")
  @APIResponse(
      responseCode = "200",
      description = "Updated.",
      content = @Content(schema = @Schema(implementation = EnvironmentView.class)))
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response update(
      @PathParam("env") String env,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = true) @Valid @NotNull EnvironmentRequest request) {
    Environment updated =
        environments.update(
            names.environment(app, env),
            request.slug(),
            request.name(),
            request.production(),
            Preconditions.ifMatch(ifMatch));
    return Responses.updated(updated.version(), ApplicationViews.of(updated));
  }

  @DELETE
  @Path("{env}")
  @Operation(
      operationId = "deleteEnvironment",
      summary = "Remove an environment",
      description = "Removes the environment and every setting value given in it.")
  @Extension(name = "x-setpoint-access", value = "manage")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public Response delete(
      @PathParam("env") String env, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    environments.delete(names.environment(app, env), Preconditions.ifMatch(ifMatch));
    return Response.noContent().build();
  }
}
