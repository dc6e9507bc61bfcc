package dev.setpoint.web.security;

import dev.setpoint.web.http.HttpConfig;
import dev.setpoint.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;

/**
 * Browsers: CORS is off unless an origin is on {@code setpoint.cors.allowed-origins}, and a
 * state-changing request that a browser sent from any other site is refused (403) before it is
 * authenticated, so credentials a browser remembers cannot be ridden cross-site. Requests without
 * {@code Origin} (programs, curl, the client library) are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class OriginPolicy implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);
  private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
  private static final String REQUEST_HEADERS =
      "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id, X-Setpoint-Instance";
  private static final String EXPOSED =
      "ETag, Location, Retry-After, X-Request-Id, X-Setpoint-Release, RateLimit-Limit,"
          + " RateLimit-Remaining, RateLimit-Reset";

  @Inject HttpConfig config;

  @Inject Problems problems;

  private Set<String> allowList;

  /** The allow-list, parsed once. */
  @jakarta.annotation.PostConstruct
  void parse() {
    allowList = config.allowedOrigins();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if (origin == null) {
      return;
    }
    boolean allowed = allowed(origin, request);
    boolean preflight =
        HttpMethod.OPTIONS.equals(request.getMethod())
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (preflight) {
      request.abortWith(
          allowed
              ? Response.noContent()
                  .header("Access-Control-Allow-Origin", origin)
                  .header("Access-Control-Allow-Methods", METHODS)
                  .header("Access-Control-Allow-Headers", REQUEST_HEADERS)
                  .header("Access-Control-Max-Age", "600")
                  .header("Vary", "Origin")
                  .build()
              : refused(origin));
      return;
    }
    if (!allowed && !SAFE.contains(request.getMethod())) {
      request.abortWith(refused(origin));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    if (origin != null && listed(origin)) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
      response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED);
      response.getHeaders().add("Vary", "Origin");
    }
  }

  /** The same origin as the server itself (its own pages), or one on the allow-list. */
  private boolean allowed(String origin, ContainerRequestContext request) {
    URI self = request.getUriInfo().getBaseUri();
    String own =
        self.getScheme()
            + "://"
            + self.getHost()
            + (self.getPort() < 0 ? "" : ":" + self.getPort());
    return origin.equalsIgnoreCase(own) || listed(origin);
  }

  private boolean listed(String origin) {
    return allowList.contains(origin);
  }

  private Response refused(String origin) {
    return problems.forbidden(
        "Origin not allowed",
        "Requests from the web origin "
            + printable(origin)
            + " are not allowed (setpoint.cors.allowed-origins)");
  }

  private static String printable(String origin) {
    String cut = origin.length() > 100 ? origin.substring(0, 100) : origin;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
