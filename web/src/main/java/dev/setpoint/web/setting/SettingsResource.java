package dev.setpoint.web.setting;

import dev.setpoint.api.paging.Page;
import dev.setpoint.api.setting.SettingDefinitionRequest;
import dev.setpoint.api.setting.SettingDefinitionView;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.setting.DefineSetting;
import dev.setpoint.domain.setting.KeyNames;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Written;
import dev.setpoint.web.http.Bodies;
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

/** {@code /applications/{app}/settings}: the settings an application defines. */
@Path("/applications/{app}/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class SettingsResource {

  @Inject SettingService settings;

  @Inject TargetNames names;

  @Inject KeyNames keys;

  @Context UriInfo uri;

  @Context Request request;

  @PathParam("app")
  String app;

  @GET
  @Operation(
      operationId = "listSettingDefinitions",
      summary = "List setting definitions",
      description = "Ordered by key, a page at a time.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of definitions.")
  public Page<SettingDefinitionView> list(@BeanParam PageParams page) {
    PageRequest asked = page.toRequest();
    return Cursors.toPage(settings.definitions(names.application(app), asked), SettingViews::of);
  }

  @PUT
  @Path("{key}")
  @Operation(
      operationId = "defineSetting",
      summary = "Define a setting",
      description =
          "Creates or replaces the definition. The default is validated against the type; a type"
              + " change must fit every existing override (409 otherwise).")
  @Extension(name = "x-setpoint-access", value = "write-app")
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content = @Content(schema = @Schema(implementation = SettingDefinitionView.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      headers = {
        @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = SettingDefinitionView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response define(
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = true) @Valid @NotNull SettingDefinitionRequest request) {
    Slug application = names.application(app);
    Written<SettingDefinition> written =
        settings.define(
            new DefineSetting(
                application,
                keys.on(application, key, Action.WRITE),
                request.type(),
                Bodies.jsonText(request.value()),
                request.description(),
                request.required()),
            Preconditions.ifMatch(ifMatch));
    return Responses.put(
        uri, written.created(), written.value().version(), SettingViews.of(written.value()));
  }

  @GET
  @Path("{key}")
  @Operation(operationId = "getSettingDefinition", summary = "Read a setting definition")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The definition, with its ETag.",
      content = @Content(schema = @Schema(implementation = SettingDefinitionView.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match matched the current ETag.")
  public Response get(@PathParam("key") String key) {
    Slug application = names.application(app);
    SettingDefinition definition = settings.definition(application, keys.on(application, key));
    return Responses.read(request, definition.version(), SettingViews.of(definition));
  }

  @DELETE
  @Path("{key}")
  @Operation(
      operationId = "deleteSettingDefinition",
      summary = "Remove a setting",
      description =
          "Removes the definition and its overrides in every environment. Where one of them is in"
              + " a production environment, the editor role on that environment is needed too.")
  @Extension(name = "x-setpoint-access", value = "write-app-production")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public Response delete(
      @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Slug application = names.application(app);
    settings.undefine(application, keys.on(application, key), Preconditions.ifMatch(ifMatch));
    return Response.noContent().build();
  }
}
