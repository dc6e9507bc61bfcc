package dev.setpoint.web.application;

import dev.setpoint.api.application.ApplicationRequest;
import dev.setpoint.api.application.ApplicationView;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.TargetNames;
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

/** {@code /applications}: register, list, read, describe and remove applications. */
@Path("/applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ApplicationsResource {

  @Inject ApplicationService applications;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @Context Request request;

  @POST
  @Operation(
      operationId = "createApplication",
      summary = "Register an application",
      description = "Creates the application with the environments dev, staging and production.")
  @Extension(name = "x-setpoint-access", value = "create-application")
  @APIResponse(
      responseCode = "201",
      description = "Registered.",
      headers = {
        @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response create(@RequestBody(required = true) @Valid @NotNull ApplicationRequest request) {
    Application created =
        applications.create(request.slug(), request.name(), request.description(), request.owner());
    return Responses.created(
        uri, created.slug().value(), created.version(), ApplicationViews.of(created));
  }

  @GET
  @Operation(
      operationId = "listApplications",
      summary = "List applications",
      description = "Ordered by slug, a page at a time.")
  @Extension(name = "x-setpoint-access", value = "visible")
  @APIResponse(responseCode = "200", description = "One page of applications.")
  public Page<ApplicationView> list(@BeanParam PageParams page) {
    return Cursors.toPage(applications.list(page.toRequest()), ApplicationViews::of);
  }

  @GET
  @Path("{app}")
  @Operation(operationId = "getApplication", summary = "Read an application")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The application, with its ETag.",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match matched the current ETag.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("app") String app) {
    Application application = applications.get(names.application(app));
    return Responses.read(request, application.version(), ApplicationViews.of(application));
  }

  @PUT
  @Path("{app}")
  @Operation(
      operationId = "updateApplication",
      summary = "Describe an application",
      description = "Replaces name, description and owner. Send If-Match to avoid lost updates.")
  @Extension(name = "x-setpoint-access", value = "write-app")
  @APIResponse(
      responseCode = "200",
      description = "Updated.",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response update(
      @PathParam("app") String app,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = true) @Valid @NotNull ApplicationRequest request) {
    Application updated =
        applications.update(
            names.application(app),
            request.slug(),
            request.name(),
            request.description(),
            request.owner(),
            Preconditions.ifMatch(ifMatch));
    return Responses.updated(updated.version(), ApplicationViews.of(updated));
  }

  @DELETE
  @Path("{app}")
  @Operation(
      operationId = "deleteApplication",
      summary = "Remove an application",
      description =
          "Removes the application with all its environments and settings, atomically. Needs the"
              + " admin role on the whole application and on each of its production environments"
              + " (or platform-wide).")
  @Extension(name = "x-setpoint-access", value = "manage-app-production")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public Response delete(
      @PathParam("app") String app, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    applications.delete(names.application(app), Preconditions.ifMatch(ifMatch));
    return Response.noContent().build();
  }
}
