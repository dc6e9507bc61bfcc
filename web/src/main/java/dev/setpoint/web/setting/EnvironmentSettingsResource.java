package dev.setpoint.web.setting;

import dev.setpoint.api.paging.Page;
import dev.setpoint.api.setting.ResolvedSettingView;
import dev.setpoint.api.setting.SettingOverrideRequest;
import dev.setpoint.api.setting.SettingOverrideView;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.setting.KeyNames;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.PageRequest;
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

/**
 * {@code /applications/{app}/environments/{env}/settings}: the values settings take in one
 * environment, and the resolved view of all of them.
 */
@Path("/applications/{app}/environments/{env}/settings")
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
public class EnvironmentSettingsResource {

  @Inject SettingService settings;

  @Inject TargetNames names;

  @Inject KeyNames keys;

  @Context UriInfo uri;

  @Context Request request;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(
      operationId = "resolveSettings",
      summary = "Resolve an environment's settings",
      description =
          "Every defined setting with the value in force in this environment and its source:"
              + " 'environment' for an override, 'default' for the definition's default. Ordered"
              + " by key, a page at a time.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of resolved settings.")
  public Page<ResolvedSettingView> resolve(@BeanParam PageParams page) {
    PageRequest asked = page.toRequest();
    return Cursors.toPage(settings.resolve(names.environment(app, env), asked), SettingViews::of);
  }

  @PUT
  @Path("{key}")
  @Operation(
      operationId = "overrideSetting",
      summary = "Override a setting in this environment",
      description = "Creates or replaces the value, validated against the definition's type.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content = @Content(schema = @Schema(implementation = SettingOverrideView.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      headers = {
        @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = SettingOverrideView.class)))
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response override(
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(required = true) @Valid @NotNull SettingOverrideRequest request) {
    EnvironmentRef where = names.environment(app, env);
    Written<SettingOverride> written =
        settings.override(
            where,
            keys.in(where, key, Action.WRITE),
            Bodies.jsonText(request.value()),
            Preconditions.ifMatch(ifMatch));
    return Responses.put(
        uri, written.created(), written.value().version(), SettingViews.of(written.value()));
  }

  @GET
  @Path("{key}")
  @Operation(
      operationId = "getSettingOverride",
      summary = "Read a setting's override in this environment")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The override, with its ETag.",
      content = @Content(schema = @Schema(implementation = SettingOverrideView.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match matched the current ETag.")
  public Response get(@PathParam("key") String key) {
    EnvironmentRef where = names.environment(app, env);
    SettingOverride override = settings.overrideOf(where, keys.in(where, key, Action.READ));
    return Responses.read(request, override.version(), SettingViews.of(override));
  }

  @DELETE
  @Path("{key}")
  @Operation(
      operationId = "deleteSettingOverride",
      summary = "Remove a setting's override",
      description = "The setting falls back to its default in this environment.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public Response delete(
      @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    EnvironmentRef where = names.environment(app, env);
    settings.removeOverride(
        where, keys.in(where, key, Action.READ), Preconditions.ifMatch(ifMatch));
    return Response.noContent().build();
  }
}
