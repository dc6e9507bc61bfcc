package dev.setpoint.web.secret;

import dev.setpoint.api.paging.Page;
import dev.setpoint.api.secret.RevealedSecretView;
import dev.setpoint.api.secret.SecretView;
import dev.setpoint.api.secret.SecretWriteRequest;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.CallerContext;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.secret.SecretDetail;
import dev.setpoint.domain.secret.SecretReveal;
import dev.setpoint.domain.secret.SecretService;
import dev.setpoint.domain.secret.SecretWriter;
import dev.setpoint.domain.secret.WriteSecret;
import dev.setpoint.domain.setting.KeyNames;
import dev.setpoint.domain.shared.PageRequest;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /applications/{app}/environments/{env}/secrets}: values go in, metadata comes out, and a
 * value only comes out through {@code reveal}, never cached.
 */
@Path("/applications/{app}/environments/{env}/secrets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Secrets")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
@APIResponse(responseCode = "503", ref = "SecretsUnavailable")
public class SecretsResource {

  @Inject Clock clock;
  @Inject SecretService secrets;

  @Inject SecretWriter writer;

  @Inject SecretReveal reveal;

  @Inject TargetNames names;

  @Inject KeyNames keys;

  @Context UriInfo uri;

  @Inject CallerContext callers;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(operationId = "listSecrets", summary = "List secrets", description = "Metadata only.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of secrets.")
  public Page<SecretView> list(@BeanParam PageParams page) {
    Instant now = clock.instant();
    PageRequest asked = page.toRequest();
    return Cursors.toPage(
        secrets.list(names.environment(app, env), asked), s -> SecretViews.summary(s, now));
  }

  @PUT
  @Path("{key}")
  @Operation(
      operationId = "writeSecret",
      summary = "Write a secret",
      description =
          "Stores the value as a new current version, encrypted; the version it replaces is"
              + " retired. A production value that is current in another environment of the"
              + " application is refused (409).")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "201",
      description = "Created with version 1.",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  @APIResponse(
      responseCode = "200",
      description = "A new version.",
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response write(
      @PathParam("key") String key,
      @RequestBody(required = true) @Valid @NotNull SecretWriteRequest request) {
    EnvironmentRef where = names.environment(app, env);
    SecretDetail written =
        writer.write(
            new WriteSecret(
                where,
                keys.in(where, key, Action.READ, Action.WRITE),
                request.value(),
                request.encoding(),
                actor()),
            request.rotationDays());
    SecretView body = SecretViews.of(written, clock.instant());
    return (written.secret().currentVersion() == 1
            ? Response.created(uri.getAbsolutePath())
            : Response.ok())
        .entity(body)
        .build();
  }

  @GET
  @Path("{key}")
  @Operation(operationId = "getSecret", summary = "Read a secret's metadata and versions")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "Metadata with every version's state.",
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  public SecretView get(@PathParam("key") String key) {
    EnvironmentRef where = names.environment(app, env);
    return SecretViews.of(secrets.get(where, keys.in(where, key, Action.READ)), clock.instant());
  }

  @DELETE
  @Path("{key}")
  @Operation(
      operationId = "deleteSecret",
      summary = "Delete a secret (recoverable)",
      description =
          "Soft delete: the secret stops being served and can be recovered until the recovery"
              + " window ends, after which its ciphertexts are destroyed.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Deleted; recoverableUntil says until when.",
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public SecretView delete(@PathParam("key") String key) {
    EnvironmentRef where = names.environment(app, env);
    return SecretViews.summary(
        secrets.delete(where, keys.in(where, key, Action.READ, Action.WRITE)), clock.instant());
  }

  @POST
  @Path("{key}/reveal")
  @Operation(
      operationId = "revealSecret",
      summary = "Reveal a secret's value",
      description =
          "The current value, or a given version still valid. Every reveal is logged (without"
              + " the value); the response is never cached.")
  @Extension(name = "x-setpoint-access", value = "reveal")
  @APIResponse(
      responseCode = "200",
      description = "The value.",
      headers = @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = RevealedSecretView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response reveal(
      @PathParam("key") String key,
      @Parameter(description = "Version to reveal; the current one when absent.")
          @QueryParam("version")
          Integer version) {
    EnvironmentRef where = names.environment(app, env);
    RevealedSecretView body =
        SecretViews.of(
            reveal.reveal(
                where, keys.in(where, key, Action.READ, Action.REVEAL), version, actor()));
    return Response.ok(body).cacheControl(Callers.noStore()).header("Pragma", "no-cache").build();
  }

  @POST
  @Path("{key}/rotate")
  @Operation(
      operationId = "rotateSecret",
      summary = "Rotate a secret",
      description =
          "A new current version; the previous one stays valid for the grace period"
              + " (setpoint.secrets.rotation-grace), then counts as retired.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Rotated.",
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public SecretView rotate(
      @PathParam("key") String key,
      @RequestBody(required = true) @Valid @NotNull SecretWriteRequest request) {
    EnvironmentRef where = names.environment(app, env);
    return SecretViews.of(
        writer.rotate(
            new WriteSecret(
                where,
                keys.in(where, key, Action.READ, Action.WRITE),
                request.value(),
                request.encoding(),
                actor())),
        clock.instant());
  }

  @POST
  @Path("{key}/recover")
  @Operation(operationId = "recoverSecret", summary = "Recover a deleted secret")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Recovered.",
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public SecretView recover(@PathParam("key") String key) {
    EnvironmentRef where = names.environment(app, env);
    return SecretViews.summary(
        secrets.recover(where, keys.in(where, key, Action.READ, Action.WRITE)), clock.instant());
  }

  @POST
  @Path("{key}/destroy")
  @Operation(
      operationId = "destroySecret",
      summary = "Destroy a deleted secret's values for good",
      description = "Removes every ciphertext; the version history stays as metadata.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Destroyed.",
      content = @Content(schema = @Schema(implementation = SecretView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public SecretView destroy(@PathParam("key") String key) {
    EnvironmentRef where = names.environment(app, env);
    return SecretViews.of(
        secrets.destroy(where, keys.in(where, key, Action.READ, Action.WRITE)), clock.instant());
  }

  /** The name recorded as the actor: the request's caller's, from Setpoint's own mechanism. */
  private String actor() {
    return callers.caller().name();
  }
}
