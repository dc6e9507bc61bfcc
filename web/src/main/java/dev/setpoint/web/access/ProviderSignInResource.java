package dev.setpoint.web.access;

import dev.setpoint.api.access.SignInProviderView;
import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.domain.access.ProviderSignIn;
import dev.setpoint.domain.access.ProviderSignIn.Failure;
import dev.setpoint.domain.access.SessionService;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.web.http.Callers;
import dev.setpoint.web.problem.Problems;
import dev.setpoint.web.security.ConsoleRequests;
import dev.setpoint.web.security.OidcConfig;
import dev.setpoint.web.security.OidcProvider;
import dev.setpoint.web.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /session/oidc}: signing in to the console through the organisation's OpenID Connect
 * provider, with the authorization code flow and PKCE (S256), {@code state} and {@code nonce}.
 * {@code start} sends the browser to the provider and keeps the PKCE verifier in a short-lived
 * {@code setpoint_oidc} cookie ({@code SameSite=Lax}, so it comes back with the provider's
 * cross-site redirect); the {@code callback} exchanges the code, verifies the id token and starts a
 * console session like a password sign-in, then sends the browser to {@code /console/}. A refused
 * sign-in sends a browser to the sign-in page with a short code ({@code
 * /console/?signin-error=state}); a client that does not ask for a page gets a problem document.
 */
@Path("/session/oidc")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ProviderSignInResource {

  /** The cookie that holds the PKCE verifier between start and callback. */
  static final String VERIFIER_COOKIE = "setpoint_oidc";

  private static final String CONSOLE = "/console/";

  @Inject OidcProvider provider;
  @Inject OidcConfig config;
  @Inject ProviderSignIn signIns;
  @Inject Problems problems;

  @Context HttpServletRequest request;
  @Context UriInfo uri;

  @GET
  @Public
  @Operation(
      operationId = "signInProvider",
      summary = "The identity provider people may sign in with",
      description =
          "The OpenID Connect provider's display name and the path that starts a sign-in through"
              + " it; 404 when sign-in through a provider is not configured. The console's"
              + " sign-in page shows its button only when this answers.")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(
      responseCode = "200",
      description = "Sign-in through the provider is configured.",
      content = @Content(schema = @Schema(implementation = SignInProviderView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public SignInProviderView describe() {
    requireEnabled();
    return new SignInProviderView(provider.name(), path("start"));
  }

  @GET
  @Public
  @Path("start")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(
      operationId = "startProviderSignIn",
      summary = "Start signing in through the identity provider",
      description =
          "Redirects the browser to the provider's authorization endpoint with response_type=code,"
              + " client_id, redirect_uri, scope, state, nonce and an S256 code_challenge. The"
              + " verifier stays with the browser in the setpoint_oidc cookie (HttpOnly,"
              + " SameSite=Lax, ten minutes, this path only); the server keeps hashes of the state"
              + " and nonce. Open it as a top-level navigation.")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(
      responseCode = "302",
      description =
          "To the provider; or, when the provider cannot be reached, to the sign-in page with"
              + " signin-error=unavailable.",
      headers = {
        @Header(
            name = "Location",
            description = "The provider's authorization URL",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Set-Cookie",
            description =
                "setpoint_oidc=<verifier>; Path=/api/v1/session/oidc; HttpOnly; SameSite=Lax;"
                    + " Max-Age=600[; Secure]",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response start() {
    requireEnabled();
    String redirectUri =
        config
            .redirectUri()
            .map(URI::toString)
            .orElseGet(() -> ConsoleRequests.ownOrigin(request) + path("callback"));
    URI authorization;
    ProviderSignIn.Redirect redirect;
    try {
      redirect = signIns.begin(redirectUri);
      authorization = provider.authorizationUrl(redirect, redirectUri);
    } catch (ProviderSignIn.Refused refused) {
      signIns.refusedBy(refused.failure(), "the provider's discovery document cannot be read");
      return page() ? toSignInPage(refused.failure()) : problems.unavailable(refused.getMessage());
    }
    return Response.status(Response.Status.FOUND)
        .location(authorization)
        .header("Set-Cookie", verifierCookie(redirect.codeVerifier(), false))
        .cacheControl(Callers.noStore())
        .build();
  }

  @GET
  @Public
  @Path("callback")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(
      operationId = "finishProviderSignIn",
      summary = "The identity provider's redirect back",
      description =
          "Takes the sign-in of the state (once, and only with the setpoint_oidc cookie of the"
              + " browser it started in), exchanges the code at the token endpoint with the PKCE"
              + " verifier, verifies the id token (signature, issuer, audience = client id,"
              + " expiry, nonce) and starts a console session for oidc:<name> with the groups it"
              + " names, then redirects to /console/. A refusal redirects a browser to"
              + " /console/?signin-error=<code> (state, provider, token, id-token, nonce,"
              + " identity, unavailable) without a session; a client that does not ask for"
              + " text/html gets 400 or 401.")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(
      responseCode = "302",
      description =
          "Signed in (to /console/, with the session cookie), or refused (to the sign-in page"
              + " with signin-error).",
      headers = {
        @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Set-Cookie",
            description =
                "setpoint_session=<id>; Path=/; HttpOnly; SameSite=Strict[; Secure], and the"
                    + " setpoint_oidc cookie cleared",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response callback(
      @Parameter(description = "The provider's code.") @QueryParam("code") String code,
      @Parameter(description = "The state sent with the sign-in.") @QueryParam("state")
          String state,
      @Parameter(description = "The provider's error instead of a code.") @QueryParam("error")
          String error) {
    requireEnabled();
    String missing = blank(state) ? "state" : blank(code) && blank(error) ? "code" : null;
    if (missing != null) {
      signIns.refusedBy(Failure.STATE, "the provider's redirect has no " + missing);
      return page() ? toSignInPage(Failure.STATE) : missingParameter(missing);
    }
    try {
      String verifier = ConsoleRequests.cookie(request, VERIFIER_COOKIE).orElse(null);
      ProviderSignIn.Claim claim = signIns.claim(state, verifier);
      SessionService.Started started = finish(claim, code, error, verifier);
      return Response.status(Response.Status.FOUND)
          .location(URI.create(ConsoleRequests.ownOrigin(request) + CONSOLE))
          .header("Set-Cookie", ConsoleRequests.sessionCookie(request, started.id(), false))
          .header("Set-Cookie", verifierCookie("", true))
          .cacheControl(Callers.noStore())
          .build();
    } catch (ProviderSignIn.Refused refused) {
      return page()
          ? toSignInPage(refused.failure())
          : Response.fromResponse(problems.unauthenticated(refused.getMessage(), false))
              .header("Set-Cookie", verifierCookie("", true))
              .build();
    }
  }

  /** The code exchanged and the id token verified (refusals found here are audited here). */
  private SessionService.Started finish(
      ProviderSignIn.Claim claim, String code, String error, String verifier) {
    OidcProvider.Verified verified;
    try {
      if (!blank(error)) {
        throw new ProviderSignIn.Refused(
            Failure.PROVIDER, "the provider answered error " + printable(error));
      }
      verified = provider.exchange(code, verifier, claim.redirectUri());
    } catch (ProviderSignIn.Refused refused) {
      signIns.refusedBy(refused.failure(), refused.getMessage());
      throw new ProviderSignIn.Refused(
          refused.failure(),
          "The sign-in through the identity provider was refused: " + refused.getMessage());
    }
    return signIns.finish(claim, verified.nonce(), verified.caller());
  }

  private void requireEnabled() {
    if (!provider.enabled()) {
      throw new NotFound(
          "Signing in through an identity provider is not configured on this server"
              + " (setpoint.oidc.issuer and setpoint.oidc.client-id)");
    }
  }

  /** Whether the caller is a browser navigating (it gets pages), not a script or an API client. */
  private boolean page() {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return "navigate".equals(mode.trim().toLowerCase(Locale.ROOT));
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  /** Back to the console's sign-in page, on this server, saying only why in a short code. */
  private Response toSignInPage(Failure failure) {
    return Response.status(Response.Status.FOUND)
        .location(
            URI.create(
                ConsoleRequests.ownOrigin(request)
                    + CONSOLE
                    + "?signin-error="
                    + failure.code()
                    + "#/sign-in"))
        .header("Set-Cookie", verifierCookie("", true))
        .cacheControl(Callers.noStore())
        .build();
  }

  private Response missingParameter(String name) {
    return problems.respond(
        400,
        ProblemTypes.VALIDATION,
        "Invalid request",
        "The provider's redirect must carry " + name,
        List.of(new FieldError("query " + name, "must be present")));
  }

  /**
   * The verifier cookie: scripts cannot read it; sent back on the provider's top-level redirect.
   */
  private String verifierCookie(String value, boolean clear) {
    return VERIFIER_COOKIE
        + "="
        + value
        + "; Path="
        + path("")
        + "; HttpOnly; SameSite=Lax"
        + (request.isSecure() ? "; Secure" : "")
        + (clear ? "; Max-Age=0" : "; Max-Age=" + ProviderSignIn.LIFETIME.toSeconds());
  }

  /** A path under this resource, as the browser sees it: {@code /api/v1/session/oidc/…}. */
  private String path(String tail) {
    String base = uri.getBaseUri().getRawPath();
    return (base.endsWith("/") ? base : base + "/")
        + "session/oidc"
        + (tail.isEmpty() ? "" : "/" + tail);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The provider's error code for the audit and the log: short and printable, or not at all. */
  private static String printable(String error) {
    return error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "(not shown: not a plain code)";
  }
}
