package dev.setpoint.web.security;

import dev.setpoint.api.problem.ProblemTypes;
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

  @Context HttpServletRequest servletRequest;
  @Context ResourceInfo resource;
  @Inject RequestCaller current;

  @Inject AuditTrail audit;
  @Inject RateLimits limits;
  @Inject AuthConfig config;
  @Inject Problems problems;

  @Override
  public void filter(ContainerRequestContext request) {
    current.origin(RequestIds.current(servletRequest), servletRequest.getRemoteAddr());
    RateLimits.Verdict byAddress =
        servletRequest.getAttribute(SetpointAuthentication.ADDRESS_BUDGET)
                instanceof RateLimits.Verdict taken
            ? taken
            : limits.address(servletRequest.getRemoteAddr());
    request.setProperty(VERDICT, byAddress);
    if (!byAddress.allowed()) {
      request.abortWith(tooMany(byAddress, "Too many requests from this address"));
      return;
    }
    if (servletRequest.getAttribute(SetpointAuthentication.THROTTLED)
        instanceof RateLimits.Verdict throttled) {
      request.setProperty(VERDICT, throttled);
      request.abortWith(
          tooMany(
              throttled,
              "Too many requests or failed sign-ins for this account or address; wait and retry"));
      return;
    }
    if (servletRequest.getAttribute(SetpointAuthentication.UNAVAILABLE) != null) {
      request.abortWith(
          Response.fromResponse(
                  problems.respond(
                      Response.Status.SERVICE_UNAVAILABLE,
                      ProblemTypes.UNAVAILABLE,
                      "Service unavailable",
                      "Credentials cannot be checked right now; retry shortly"))
              .header("Retry-After", "5")
              .build());
      return;
    }
    Object failed = servletRequest.getAttribute(SetpointAuthentication.FAILED);
    if (failed != null) {
      audit.denied(
          AuditAction.SIGN_IN,
          AuditTarget.PLATFORM,
          "bearer".equals(failed)
              ? "a bearer token that is unknown, expired, revoked or not valid"
              : "HTTP Basic credentials that are not valid");
      request.abortWith(
          unauthenticated(
              "The credentials are not valid (unknown user or wrong password, or a token that is"
                  + " unknown, expired or revoked)",
              "bearer".equals(failed)));
      return;
    }
    Caller caller =
        servletRequest.getAttribute(SetpointAuthentication.CALLER) instanceof Caller c
            ? c
            : Caller.ANONYMOUS;
    current.set(caller);
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      if (!isPublic()) {
        request.abortWith(
            unauthenticated(
                "This request needs credentials: HTTP Basic, or a bearer token", false));
      }
      return;
    }
    RateLimits.Verdict byPrincipal = limits.principal(caller.name());
    request.setProperty(VERDICT, byPrincipal);
    if (!byPrincipal.allowed()) {
      request.abortWith(tooMany(byPrincipal, "Too many requests from this caller"));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(VERDICT) instanceof RateLimits.Verdict verdict && limits.enabled()) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("RateLimit-Limit", verdict.limit());
      headers.putSingle("RateLimit-Remaining", verdict.remaining());
      headers.putSingle("RateLimit-Reset", verdict.resetSeconds());
    }
  }

  private boolean isPublic() {
    return resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(Public.class)
            || resource.getResourceClass().isAnnotationPresent(Public.class));
  }

  private Response tooMany(RateLimits.Verdict verdict, String detail) {
    return Response.fromResponse(
            problems.respond(429, ProblemTypes.RATE_LIMITED, "Too many requests", detail, null))
        .status(429, "Too Many Requests")
        .header("Retry-After", verdict.resetSeconds())
        .build();
  }

  private Response unauthenticated(String detail, boolean invalidBearer) {
    return Response.fromResponse(
            problems.respond(
                Response.Status.UNAUTHORIZED,
                ProblemTypes.UNAUTHENTICATED,
                "Authentication required",
                detail))
        .header("WWW-Authenticate", challenge(config.basicEnabled(), invalidBearer))
        .build();
  }

  /** The challenges Setpoint accepts: Basic (when the user store is on) and Bearer. */
  public static String challenge(boolean basic, boolean invalidBearer) {
    String bearer =
        invalidBearer
            ? "Bearer realm=\"setpoint\", error=\"invalid_token\""
            : "Bearer realm=\"setpoint\"";
    return basic ? "Basic realm=\"setpoint\", charset=\"UTF-8\", " + bearer : bearer;
  }
}
