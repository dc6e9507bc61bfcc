package dev.setpoint.web.change;

import dev.setpoint.api.change.ChangeRequestRequest;
import dev.setpoint.api.change.ChangeRequestView;
import dev.setpoint.api.change.CommentRequest;
import dev.setpoint.api.change.ReviewRequest;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.change.ChangeRequestDetail;
import dev.setpoint.domain.change.ChangeRequestService;
import dev.setpoint.domain.change.ChangeStatus;
import dev.setpoint.domain.change.PolicyService;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
 * {@code /applications/{app}/environments/{env}/change-requests}: propose writes to an environment,
 * review them (approve, reject, comment), withdraw and apply them.
 */
@Path("/applications/{app}/environments/{env}/change-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Change control")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ChangeRequestsResource {

  @Inject ChangeRequestService requests;

  @Inject PolicyService policies;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(operationId = "listChangeRequests", summary = "List change requests, newest first")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of requests, without their diffs.")
  public Page<ChangeRequestView> list(
      @BeanParam PageParams page,
      @Parameter(
              description = "Only requests in this status.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "open",
                        "approved",
                        "rejected",
                        "applied",
                        "withdrawn",
                        "stale"
                      }))
          @QueryParam("status")
          String status) {
    PageRequest asked = page.toRequest();
    EnvironmentRef where = where();
    int required = policies.get(where).approvals();
    return Cursors.toPage(
        requests.list(
            where,
            status == null ? null : ChangeStatus.parse("status", status),
            before(asked),
            asked.limit()),
        r -> ChangeViews.summary(r, required));
  }

  @POST
  @Operation(
      operationId = "proposeChangeRequest",
      summary = "Propose changes",
      description =
          "Opens a change request: the changes are checked now (types, keys, secret sizes) and"
              + " their base recorded; secret values are stored encrypted and never shown again."
              + " The answer carries the diff against the environment and the readiness of the"
              + " result. Needs write access, and publish access when it publishes.")
  @Extension(name = "x-setpoint-access", value = "write")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ChangeRequestRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Opened.",
      headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public Response propose(@Valid @NotNull ChangeRequestRequest body) {
    ChangeRequestDetail opened = requests.propose(where(), body.message(), ChangeInputs.of(body));
    return Response.created(location(opened.request().number()))
        .entity(ChangeViews.detail(opened))
        .build();
  }

  @GET
  @Path("{number}")
  @Operation(
      operationId = "getChangeRequest",
      summary = "Read a change request",
      description =
          "With each change's diff against the environment now (secrets by version only), the"
              + " readiness findings of the resulting state, comments and approvals.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The request.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  public ChangeRequestView get(@PathParam("number") int number) {
    return ChangeViews.detail(requests.get(where(), number));
  }

  @PUT
  @Path("{number}")
  @Operation(
      operationId = "updateChangeRequest",
      summary = "Update a change request",
      description =
          "Replaces its changes (a new revision, based on the environment now: this also rebases"
              + " a stale request). The approvals given so far are dropped; whoever updates it may"
              + " not approve it.")
  @Extension(name = "x-setpoint-access", value = "write")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ChangeRequestRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The new revision.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public ChangeRequestView update(
      @PathParam("number") int number, @Valid @NotNull ChangeRequestRequest body) {
    return ChangeViews.detail(
        requests.revise(where(), number, body.message(), ChangeInputs.of(body)));
  }

  @POST
  @Path("{number}/approve")
  @Operation(
      operationId = "approveChangeRequest",
      summary = "Approve a change request",
      description =
          "Approves its current revision; it is approved once the policy's number of approvals"
              + " is given. Refused (403) to its author and to callers the policy does not name.")
  @Extension(name = "x-setpoint-access", value = "write")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ReviewRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The request after the approval.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public ChangeRequestView approve(@PathParam("number") int number, @Valid ReviewRequest body) {
    return ChangeViews.detail(requests.approve(where(), number, commentOf(body)));
  }

  /** The same approval for a request without a body. */
  @POST
  @Path("{number}/approve")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public ChangeRequestView approveWithoutBody(@PathParam("number") int number) {
    return approve(number, null);
  }

  @POST
  @Path("{number}/reject")
  @Operation(
      operationId = "rejectChangeRequest",
      summary = "Reject a change request",
      description = "Closes it for good; the same reviewers as for approving may.")
  @Extension(name = "x-setpoint-access", value = "write")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ReviewRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The rejected request.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public ChangeRequestView reject(@PathParam("number") int number, @Valid ReviewRequest body) {
    return ChangeViews.detail(requests.reject(where(), number, commentOf(body)));
  }

  /** The same rejection for a request without a body. */
  @POST
  @Path("{number}/reject")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public ChangeRequestView rejectWithoutBody(@PathParam("number") int number) {
    return reject(number, null);
  }

  @POST
  @Path("{number}/apply")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "applyChangeRequest",
      summary = "Apply a change request",
      description =
          "Writes its changes in one transaction, as the caller (who needs the access each"
              + " write needs). Needs the approvals the policy asks for now. A request whose"
              + " base moved (a key it writes, or the latest release, changed since) becomes"
              + " stale and is refused with 409 urn:setpoint:problem:change-request-stale.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Applied.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public ChangeRequestView apply(@PathParam("number") int number) {
    return ChangeViews.detail(requests.apply(where(), number));
  }

  @POST
  @Path("{number}/withdraw")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "withdrawChangeRequest",
      summary = "Withdraw a change request",
      description = "Closes it without applying it.")
  @Extension(name = "x-setpoint-access", value = "write")
  @APIResponse(
      responseCode = "200",
      description = "Withdrawn.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public ChangeRequestView withdraw(@PathParam("number") int number) {
    return ChangeViews.detail(requests.withdraw(where(), number));
  }

  @POST
  @Path("{number}/comments")
  @Operation(operationId = "commentOnChangeRequest", summary = "Comment on a change request")
  @Extension(name = "x-setpoint-access", value = "write")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = CommentRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The request with the comment.",
      content = @Content(schema = @Schema(implementation = ChangeRequestView.class)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public ChangeRequestView comment(
      @PathParam("number") int number, @Valid @NotNull CommentRequest body) {
    return ChangeViews.detail(requests.comment(where(), number, body.text()));
  }

  private EnvironmentRef where() {
    return names.environment(app, env);
  }

  private java.net.URI location(int number) {
    return uri.getBaseUriBuilder()
        .path("applications/{app}/environments/{env}/change-requests/{number}")
        .build(app, env, number);
  }

  private static String commentOf(ReviewRequest body) {
    return body == null ? null : body.comment();
  }

  private static Integer before(PageRequest page) {
    if (page.after() == null) {
      return null;
    }
    try {
      int number = Integer.parseInt(page.after().trim());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidValue("cursor", "must be a cursor from a previous page");
  }
}
