package dev.setpoint.web.security;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.RequestCaller;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.web.http.RequestIds;
import dev.setpoint.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the authentication outcome into the request's caller, and enforces the rate limits:
 *
 * <ol>
 *   <li>the client address's budget (429);
 *   <li>a failed sign-in budget that is spent (429, whatever is presented now): of the account from
 *       this address, of the account (for addresses that failed on it), or of the address;
 *   <li>refused credentials (401 with {@code WWW-Authenticate}), and no credentials on a resource
 *       that is not {@link Public} (401);
 *   <li>the authenticated principal's budget (429).
 * </ol>
 *
 * Every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code
 * RateLimit-Reset} for the budget that applies to the caller.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String VERDICT = CallerFilter.class.getName() + ".verdict";

  /** The challenge of a 401 to a browser script: sign in at {@code POST /api/v1/session}. */
  static final String SESSION_CHALLENGE = "Session realm=\"setpoint\"";

  @Context HttpServletRequest servletRequest;
  @Context ResourceInfo resource;
  @Inject RequestCaller current;

  @Inject AuditTrail audit;
  @Inject RateLimits limits;
  @Inject Problems problems;

  @Override
  public void filter(ContainerRequestContext request) {
    current.origin(RequestIds.current(servletRequest), servletRequest.getRemoteAddr());
    AuthenticationOutcome outcome =
        AuthenticationOutcome.of(servletRequest)
            .orElseGet(
                () ->
                    new AuthenticationOutcome(
                        limits.address(servletRequest.getRemoteAddr()),
                        AuthenticationOutcome.NONE));
    request.setProperty(VERDICT, outcome.addressBudget());
    Response refused = refusal(request, outcome);
    if (refused != null) {
      request.abortWith(refused);
      return;
    }
    Caller caller =
        outcome.result() instanceof AuthenticationOutcome.Authenticated authenticated
            ? authenticated.caller()
            : Caller.ANONYMOUS;
    current.set(caller);
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      if (!isPublic()) {
        request.abortWith(
            problems.unauthenticated(
                outcome.result() instanceof AuthenticationOutcome.SessionEnded
                    ? "The console session has ended (signed out, timed out or revoked): sign in"
                        + " again"
                    : "This request needs credentials: HTTP Basic, or a bearer token",
                false));
      }
      return;
    }
    RateLimits.Verdict byPrincipal = limits.principal(caller.name());
    request.setProperty(VERDICT, byPrincipal);
    if (!byPrincipal.allowed()) {
      request.abortWith(tooMany(byPrincipal, "Too many requests from this caller"));
    }
  }

  /** The answer to a request the authentication outcome refuses, or null when it may go on. */
  private Response refusal(ContainerRequestContext request, AuthenticationOutcome outcome) {
    if (!outcome.addressBudget().allowed()) {
      return tooMany(outcome.addressBudget(), "Too many requests from this address");
    }
    if (outcome.result() instanceof AuthenticationOutcome.Throttled throttled) {
      request.setProperty(VERDICT, throttled.verdict());
      return tooMany(
          throttled.verdict(),
          "Too many requests or failed sign-ins for this account or address; wait and retry");
    }
    if (outcome.result() instanceof AuthenticationOutcome.CannotCheck) {
      return problems.unavailable("Credentials cannot be checked right now; retry shortly");
    }
    if (outcome.result() instanceof AuthenticationOutcome.SessionRefused refused) {
      audit.denied(
          AuditAction.SIGN_IN, AuditTarget.PLATFORM, "a console session: " + refused.rule());
      return problems.forbidden("Session request refused", "Refused: " + refused.rule());
    }
    if (outcome.result() instanceof AuthenticationOutcome.Refused refused) {
      audit.denied(
          AuditAction.SIGN_IN,
          AuditTarget.PLATFORM,
          refused.bearer()
              ? "a bearer token that is unknown, expired, revoked or not valid"
              : "HTTP Basic credentials that are not valid");
      return problems.unauthenticated(
          "The credentials are not valid (unknown user or wrong password, or a token that is"
              + " unknown, expired or revoked)",
          refused.bearer());
    }
    return null;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() == 401 && scriptInBrowser(request)) {
      // a Basic challenge would make the browser ask for a password in a dialog of its own
      response.getHeaders().putSingle("WWW-Authenticate", SESSION_CHALLENGE);
    }
    if (request.getProperty(VERDICT) instanceof RateLimits.Verdict verdict && limits.enabled()) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("RateLimit-Limit", verdict.limit());
      headers.putSingle("RateLimit-Remaining", verdict.remaining());
      headers.putSingle("RateLimit-Reset", verdict.resetSeconds());
    }
  }

  /**
   * A script in a browser page (fetch), without {@code Authorization}: its 401s challenge it to
   * sign in to a console session rather than to HTTP Basic.
   */
  private static boolean scriptInBrowser(ContainerRequestContext request) {
    String mode = request.getHeaderString("Sec-Fetch-Mode");
    return mode != null
        && !"navigate".equalsIgnoreCase(mode.trim())
        && request.getHeaderString("Authorization") == null;
  }

  private boolean isPublic() {
    return resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(Public.class)
            || resource.getResourceClass().isAnnotationPresent(Public.class));
  }

  private Response tooMany(RateLimits.Verdict verdict, String detail) {
    return problems.tooManyRequests(verdict.resetSeconds(), detail);
  }
}
