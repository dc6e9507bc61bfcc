package dev.setpoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser-facing hardening on every response of the API, errors and unknown paths included: set
 * before the request is handled, so no failure can leave them out. The API serves JSON and text
 * only, so its Content-Security-Policy allows nothing at all. Strict-Transport-Security is only
 * meaningful, and only sent, over HTTPS.
 *
 * <p>The console ({@code /console/}) is a page with scripts, all served from this origin: its
 * policy allows this origin's scripts, styles, images and API calls and nothing else (no inline
 * script or style, no plugins, no framing, forms only to this origin).
 *
 * <p>Liberty's own endpoints ({@code /health}, {@code /metrics}, {@code /openapi}) are outside this
 * application; {@code server.xml} adds the same headers there, except the CSP, which would break
 * the OpenAPI UI's scripts.
 */
public class SecurityHeaders extends HttpFilter {

  /** The API's policy: no content of any kind, and never inside a frame. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** The console's policy: its own assets and API only; nothing inline, never inside a frame. */
  static final String CONSOLE_CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** One year, subdomains included. */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    chain.doFilter(request, response);
  }

  /**
   * Sets the headers on {@code response}; error pages call this too, as the container may reset.
   */
  public static void apply(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(
        "Content-Security-Policy",
        console(request) ? CONSOLE_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    response.setHeader("Referrer-Policy", "no-referrer");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
  }

  /** Whether the request is for the console's pages and assets ({@code /console} and below). */
  static boolean console(HttpServletRequest request) {
    // an error page answers for the request that failed, not for its own path
    String uri =
        request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI)
                instanceof String failed
            ? failed
            : request.getRequestURI();
    String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    return path.equals("/console") || path.startsWith("/console/");
  }
}
