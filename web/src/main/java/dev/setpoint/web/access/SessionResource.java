package dev.setpoint.web.access;

import dev.setpoint.api.access.SessionView;
import dev.setpoint.api.access.SignInRequest;
import dev.setpoint.domain.access.SessionService;
import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.web.http.Callers;
import dev.setpoint.web.problem.Problems;
import dev.setpoint.web.security.ConsoleRequests;
import dev.setpoint.web.security.PasswordSignIns;
import dev.setpoint.web.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /session}: console sign-in. A built-in user's password is checked once, here; the answer
 * sets the {@code setpoint_session} cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code
 * Secure} over HTTPS) and returns the CSRF token that every state-changing request signed in by the
 * cookie must send as {@code X-CSRF-Token}. The only resource that sets a cookie.
 */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@APIResponse(responseCode = "500", ref = "ServerError")
public class SessionResource {

  @Inject SessionService sessions;
  @Inject PasswordSignIns signIns;
  @Inject Problems problems;

  @Context HttpServletRequest request;
  @Context UriInfo uri;

  @POST
  @Public
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startSession",
      summary = "Sign in to the console",
      description =
          "Checks a built-in user's password (once: later requests are signed in by the session)"
              + " and starts a session: the setpoint_session cookie (HttpOnly, SameSite=Strict,"
              + " Secure over HTTPS) and the CSRF token to send as X-CSRF-Token on every"
              + " state-changing request. Wrong credentials answer 401 alike for unknown users and"
              + " wrong passwords, and spend the failed sign-in budgets. Refused (403) when the"
              + " browser says the request came from another site.")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(
      responseCode = "201",
      description = "Signed in.",
      headers =
          @Header(
              name = "Set-Cookie",
              description = "setpoint_session=<id>; Path=/; HttpOnly; SameSite=Strict[; Secure]",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = SessionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response start(@RequestBody(required = true) @Valid @NotNull SignInRequest body) {
    if (!ConsoleRequests.consoleOriginated(request)) {
      return problems.forbidden(
          "Sign-in refused",
          "Refused: a console sign-in must come from the console's own origin (Sec-Fetch-Site:"
              + " same-origin, or an Origin equal to this server's)");
    }
    SessionService.Started started =
        signIns.within(
            body.username(),
            request.getRemoteAddr(),
            () -> sessions.start(body.username(), body.password().toCharArray()));
    return Response.created(uri.getAbsolutePath())
        .header("Set-Cookie", cookie(started.id(), false))
        .cacheControl(Callers.noStore())
        .entity(AccessViews.of(started.session(), started.csrfToken()))
        .build();
  }

  @GET
  @Operation(
      operationId = "currentSession",
      summary = "The current console session",
      description =
          "The user and CSRF token of the session that signed this request in; 401 when no live"
              + " session did (a request with Authorization is never signed in by the cookie).")
  @Extension(name = "x-setpoint-access", value = "session")
  @APIResponse(
      responseCode = "200",
      description = "The session.",
      content = @Content(schema = @Schema(implementation = SessionView.class)))
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response current() {
    SessionService.Active active =
        ConsoleRequests.session(request)
            .orElseThrow(
                () ->
                    new Unauthenticated(
                        "No console session signed this request in: sign in with POST"
                            + " /api/v1/session"));
    return Response.ok(AccessViews.of(active.session(), active.csrfToken()))
        .cacheControl(Callers.noStore())
        .build();
  }

  @DELETE
  @Public
  @Operation(
      operationId = "endSession",
      summary = "Sign out of the console",
      description =
          "Ends the session that signed this request in, on every server at once, and clears the"
              + " cookie; with X-CSRF-Token like every state-changing request. Answers 204 also"
              + " when there is no live session, so a browser can always clear its cookie.")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(
      responseCode = "204",
      description = "Signed out; the cookie is cleared (Max-Age=0).",
      headers = @Header(name = "Set-Cookie", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response end() {
    if (ConsoleRequests.session(request).isPresent()) {
      ConsoleRequests.presentedSessionId(request).ifPresent(sessions::end);
    }
    return Response.noContent().header("Set-Cookie", cookie("", true)).build();
  }

  private String cookie(String value, boolean clear) {
    return ConsoleRequests.sessionCookie(request, value, clear);
  }
}
