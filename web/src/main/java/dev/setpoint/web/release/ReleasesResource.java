package dev.setpoint.web.release;

import dev.setpoint.api.paging.Page;
import dev.setpoint.api.release.ReleaseDiffView;
import dev.setpoint.api.release.ReleaseRequest;
import dev.setpoint.api.release.ReleaseView;
import dev.setpoint.api.rollout.RolloutRequest;
import dev.setpoint.domain.access.CallerContext;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.release.PublishRelease;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.release.ReleaseHistory;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.release.RollbackRelease;
import dev.setpoint.domain.rollout.RolloutPlan;
import dev.setpoint.domain.rollout.Rollouts;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import dev.setpoint.web.http.Preconditions;
import dev.setpoint.web.http.Responses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /applications/{app}/environments/{env}/releases}: publish an environment, read its
 * history, compare and roll back releases.
 */
@Path("/applications/{app}/environments/{env}/releases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ReleasesResource {

  @Inject ReleasePublisher publisher;

  @Inject ReleaseHistory releases;

  @Inject Rollouts rollouts;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @Inject CallerContext callers;

  @Context Request request;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @POST
  @Operation(
      operationId = "publishRelease",
      summary = "Publish a release",
      description =
          "Freezes the environment's resolved settings and the current version of each live"
              + " secret into the next numbered release, which delivery serves from then on."
              + " Refused with 422 when a required setting has no value or a key is both a"
              + " setting and a secret; errors name each key. A production environment is also"
              + " refused with 422 while a critical readiness finding is open (each is listed),"
              + " unless overrideReason says why it must go out anyway (audited). With rollout,"
              + " the release goes to a growing share of the instances step by step (see"
              + " Rollouts); 409 while another rollout is under way or before a first release.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ReleaseRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Published.",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ReleaseView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public Response publish(@Valid ReleaseRequest body) {
    PublishRelease command =
        new PublishRelease(
            names.environment(app, env),
            messageOf(body),
            body == null ? null : body.overrideReason(),
            callers.caller().name());
    RolloutRequest rollout = body == null ? null : body.rollout();
    Release release =
        rollout == null
            ? publisher.publish(command)
            : rollouts.publish(
                command, RolloutPlan.of(rollout.steps(), rollout.bakeSeconds(), rollout.stopOn()));
    return created(release);
  }

  /** The same publish for a request without a body (and so without a Content-Type). */
  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public Response publishWithoutBody() {
    return publish(null);
  }

  @GET
  @Operation(operationId = "listReleases", summary = "List releases, newest first")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of releases, without content.")
  public Page<ReleaseView> list(@BeanParam PageParams page) {
    PageRequest asked = page.toRequest();
    Integer olderThan = before(asked);
    Slice<Release> slice = releases.list(names.environment(app, env), olderThan, asked.limit());
    return Cursors.toPage(slice, ReleaseViews::summary);
  }

  @GET
  @Path("{number}")
  @Operation(
      operationId = "getRelease",
      summary = "Read a release",
      description = "With its frozen setting values and pinned secret versions (never values).")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The release; its ETag is the content hash.",
      content = @Content(schema = @Schema(implementation = ReleaseView.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match matched the content hash.")
  public Response get(@PathParam("number") int number) {
    Release release = releases.get(names.environment(app, env), number);
    return Responses.read(request, Preconditions.tag(release.hash()), ReleaseViews.detail(release));
  }

  @GET
  @Path("{number}/diff")
  @Operation(
      operationId = "diffReleases",
      summary = "Compare two releases",
      description =
          "Keys added, removed and changed from release `against` to release `number`. Secrets"
              + " count as changed when their pinned version differs; values are never shown.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The differing keys.",
      content = @Content(schema = @Schema(implementation = ReleaseDiffView.class)))
  public ReleaseDiffView diff(
      @PathParam("number") int number,
      @Parameter(
              description = "The release number to compare against.",
              required = true,
              schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
          @QueryParam("against")
          String against) {
    int other = releaseNumber("against", against);
    ReleaseContent.Diff diff = releases.diff(names.environment(app, env), number, other);
    return new ReleaseDiffView(number, other, diff.added(), diff.removed(), diff.changed());
  }

  @POST
  @Path("{number}/rollback")
  @Operation(
      operationId = "rollbackRelease",
      summary = "Roll back to a release",
      description =
          "Publishes a new release with the content of release `number`; the history stays"
              + " linear. Refused (409) when a secret version it pins was destroyed.")
  @Extension(name = "x-setpoint-access", value = "publish")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ReleaseRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "The new release.",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ReleaseView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response rollback(@PathParam("number") int number, @Valid ReleaseRequest body) {
    Release release =
        publisher.rollback(
            new RollbackRelease(
                names.environment(app, env), number, messageOf(body), callers.caller().name()));
    return created(release);
  }

  /** The same rollback for a request without a body. */
  @POST
  @Path("{number}/rollback")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public Response rollbackWithoutBody(@PathParam("number") int number) {
    return rollback(number, null);
  }

  private Response created(Release release) {
    return Response.created(
            uri.getBaseUriBuilder()
                .path("applications/{app}/environments/{env}/releases/{number}")
                .build(app, env, release.number()))
        .tag(Preconditions.tag(release.hash()))
        .entity(ReleaseViews.summary(release))
        .build();
  }

  private static String messageOf(ReleaseRequest body) {
    return body == null ? null : body.message();
  }

  private static Integer before(PageRequest page) {
    return page.after() == null ? null : releaseNumber("cursor", page.after());
  }

  private static int releaseNumber(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidValue(field, "is required: a release number");
    }
    try {
      int number = Integer.parseInt(text.trim());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidValue(field, "must be a release number (a positive integer)");
  }
}
