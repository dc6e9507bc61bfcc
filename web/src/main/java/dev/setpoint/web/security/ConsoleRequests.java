package dev.setpoint.web.security;

import dev.setpoint.domain.access.SessionService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a request one the console sent, the only kind a session cookie may sign in: the
 * browser says it came from this origin ({@code Sec-Fetch-Site: same-origin}; a browser that does
 * not send that header must not name another {@code Origin}), and a state-changing request carries
 * the session's CSRF token in {@code X-CSRF-Token}.
 */
public final class ConsoleRequests {

  /** The cookie that holds the session id. */
  public static final String COOKIE = "setpoint_session";

  /** The header that carries the session's CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  /** The rule a cross-site request with a session breaks, as the 403 names it. */
  public static final String CROSS_SITE_RULE =
      "a session cookie signs in only requests from the console's own origin (Sec-Fetch-Site:"
          + " same-origin, or an Origin equal to this server's)";

  /** The rule a state-changing request without the right token breaks. */
  public static final String CSRF_RULE =
      "a POST, PUT, PATCH or DELETE signed in by a session must carry the session's CSRF token in"
          + " X-CSRF-Token (GET /api/v1/session returns it)";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final String API = "/api/";
  private static final String SIGN_IN = "/api/v1/session";
  private static final String PROVIDER_SIGN_IN = "/api/v1/session/oidc/";

  private ConsoleRequests() {}

  /** The session id in the request's cookie, when it is an API request a session may sign in. */
  static Optional<String> sessionId(HttpServletRequest request) {
    String header = request.getHeader("Cookie");
    if (header == null
        || dev.setpoint.web.http.ControlCharacters.inHeaderValue(header)
        || !path(request).startsWith(API)
        || signingIn(request)) {
      // control characters are the control-character guard's to answer (400)
      return Optional.empty();
    }
    return presentedSessionId(request);
  }

  /** The console session that signed this request in, if one did. */
  public static Optional<SessionService.Active> session(HttpServletRequest request) {
    return AuthenticationOutcome.of(request)
        .map(AuthenticationOutcome::result)
        .filter(AuthenticationOutcome.Authenticated.class::isInstance)
        .map(r -> ((AuthenticationOutcome.Authenticated) r).session());
  }

  /** The session id the request's cookie holds, whether or not the session still lives. */
  public static Optional<String> presentedSessionId(HttpServletRequest request) {
    return cookie(request, COOKIE);
  }

  /** The value of the request's cookie {@code name}. */
  public static Optional<String> cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName()) && cookie.getValue() != null) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * A sign-in starts a new session, whatever cookie the browser still holds: with a password, or
   * through the provider (whose callback is a cross-site navigation).
   */
  private static boolean signingIn(HttpServletRequest request) {
    return ("POST".equals(request.getMethod()) && SIGN_IN.equals(path(request)))
        || path(request).startsWith(PROVIDER_SIGN_IN);
  }

  /**
   * The session cookie: host-only, every path, never readable by scripts or sent with a request
   * another site starts ({@code SameSite=Strict}), {@code Secure} over HTTPS.
   */
  public static String sessionCookie(HttpServletRequest request, String value, boolean clear) {
    return COOKIE
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (request.isSecure() ? "; Secure" : "")
        + (clear ? "; Max-Age=0" : "");
  }

  /** Whether the browser says this request came from this server's own origin. */
  public static boolean consoleOriginated(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return "same-origin".equals(site.trim().toLowerCase(Locale.ROOT));
    }
    String origin = request.getHeader("Origin");
    return origin == null || origin.trim().equalsIgnoreCase(ownOrigin(request));
  }

  /** Whether the method may change state (every method but GET, HEAD and OPTIONS). */
  static boolean stateChanging(HttpServletRequest request) {
    return !SAFE.contains(request.getMethod());
  }

  /** This server's origin as the browser names it: scheme, host, and port unless the default. */
  public static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean defaultPort =
        port < 0
            || ("http".equals(scheme) && port == 80)
            || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
