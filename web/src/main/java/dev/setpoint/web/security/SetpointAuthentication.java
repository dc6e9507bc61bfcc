package dev.setpoint.web.security;

import dev.setpoint.domain.access.SessionService;
import dev.setpoint.domain.access.TokenService;
import dev.setpoint.web.http.ControlCharacters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Setpoint's one authentication mechanism, run by the container before every request. It reads
 * {@code Authorization}: {@code Basic} for people in the built-in store, {@code Bearer stp_...} for
 * service tokens, any other {@code Bearer} for JWTs from the OpenID Connect provider (without it, a
 * service token in {@code X-Config-Token} or {@code X-Vault-Token} on those protocols' paths), and
 * lets the identity stores decide. It never answers by itself: it leaves the {@link
 * AuthenticationOutcome} on the request for {@link CallerFilter}, which answers 401 / 429 as
 * problem documents like every other error.
 *
 * <p>Without {@code Authorization}, an API request may be signed in by a console session: the
 * {@code setpoint_session} cookie, accepted only on requests the console sent ({@link
 * ConsoleRequests}: same origin, and the session's CSRF token on every state-changing request). A
 * request with {@code Authorization} is never signed in by the cookie.
 *
 * <p>An authenticated caller is not logged in to the container either ({@code
 * notifyContainerAboutLogin}): Setpoint's authorization reads the caller from the outcome, and no
 * resource is protected by container roles. A container login would cost a JAAS login, a subject
 * and its credentials per request (about 40 % of the CPU of an authenticated delivery in a JFR
 * profile) for a principal nobody reads.
 */
@ApplicationScoped
public class SetpointAuthentication implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(SetpointAuthentication.class.getName());

  @Inject IdentityStoreHandler identityStores;
  @Inject RateLimits limits;
  @Inject SessionService sessions;
  @Inject dev.setpoint.web.compat.ProtocolPaths protocols;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // every budget is spent before any credential is checked, so a refused request costs no hash
    RateLimits.Verdict byAddress = limits.address(request.getRemoteAddr());
    AuthenticationOutcome.Result result =
        byAddress.allowed() ? signIn(request) : AuthenticationOutcome.NONE;
    new AuthenticationOutcome(byAddress, result).attachTo(request);
    if (result instanceof AuthenticationOutcome.Refused) {
      // not a container failure: the filter answers with a problem document
      return AuthenticationStatus.NOT_DONE;
    }
    return context.doNothing();
  }

  /** The sign-in budgets, then the identity stores, for the credentials in the request. */
  private AuthenticationOutcome.Result signIn(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      // Spring Cloud Config's X-Config-Token and Vault's X-Vault-Token, on their own paths only
      header = protocols.protocolToken(request).map(token -> "Bearer " + token).orElse(null);
    }
    if (header == null || header.isBlank()) {
      return ConsoleRequests.sessionId(request)
          .map(id -> session(request, id))
          .orElse(AuthenticationOutcome.NONE);
    }
    if (ControlCharacters.inHeaderValue(header)
        || ControlCharacters.basicCredentialHasControl(header)) {
      // control characters are not a sign-in attempt: the control-character guard, a servlet
      // filter that runs after this mechanism, answers 400 before anything else sees the request
      return AuthenticationOutcome.NONE;
    }
    String scheme = scheme(header);
    Credential credential = credential(scheme, header);
    String account =
        credential instanceof UsernamePasswordCredential password ? password.getCaller() : null;
    RateLimits.Verdict spent = account == null ? null : limits.spentPrincipal(account);
    if (spent != null) {
      return new AuthenticationOutcome.Throttled(spent);
    }
    SignInBudgets.Attempt attempt =
        limits.reserveSignIn(
            account, account == null ? TokenService.hash(header) : null, request.getRemoteAddr());
    if (!attempt.allowed()) {
      return new AuthenticationOutcome.Throttled(attempt.verdict());
    }
    return credential == null
        ? new AuthenticationOutcome.Refused(scheme)
        : validate(credential, scheme, attempt);
  }

  /**
   * A session cookie: refused from anywhere but the console's own origin (before the store is
   * read), then the session, then the CSRF token of a state-changing request. The id is 256 random
   * bits, so no sign-in budget is spent on it; the address budget caps the requests.
   */
  private AuthenticationOutcome.Result session(HttpServletRequest request, String id) {
    if (!ConsoleRequests.consoleOriginated(request)) {
      return new AuthenticationOutcome.SessionRefused(ConsoleRequests.CROSS_SITE_RULE);
    }
    java.util.Optional<SessionService.Active> active;
    try {
      active = sessions.check(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Checking a console session failed; the store may be unreachable", e);
      return new AuthenticationOutcome.CannotCheck();
    }
    if (active.isEmpty()) {
      return new AuthenticationOutcome.SessionEnded();
    }
    if (ConsoleRequests.stateChanging(request)
        && !SessionService.csrfMatches(
            active.get(), request.getHeader(ConsoleRequests.CSRF_HEADER))) {
      return new AuthenticationOutcome.SessionRefused(ConsoleRequests.CSRF_RULE);
    }
    return new AuthenticationOutcome.Authenticated(active.get().caller(), active.get());
  }

  private AuthenticationOutcome.Result validate(
      Credential credential, String scheme, SignInBudgets.Attempt attempt) {
    CredentialValidationResult result;
    try {
      result = identityStores.validate(credential);
    } catch (RuntimeException e) {
      attempt.succeeded();
      LOG.log(Level.WARNING, "Checking credentials failed; the store may be unreachable", e);
      return new AuthenticationOutcome.CannotCheck();
    }
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof SetpointPrincipal principal) {
      attempt.succeeded();
      return new AuthenticationOutcome.Authenticated(principal.caller());
    }
    return new AuthenticationOutcome.Refused(scheme);
  }

  private static String scheme(String header) {
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    return scheme.length() > 16 ? "unknown" : scheme.toLowerCase(java.util.Locale.ROOT);
  }

  /** The credential in the header, or null when it is not one Setpoint reads. */
  private static Credential credential(String scheme, String header) {
    String value = header.substring(Math.min(header.length(), scheme.length() + 1)).trim();
    if (value.isEmpty()) {
      return null;
    }
    if ("basic".equals(scheme)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? null
          : new UsernamePasswordCredential(
              decoded.substring(0, colon), decoded.substring(colon + 1));
    }
    if ("bearer".equals(scheme) && value.length() <= 8192) {
      return new BearerCredential(value);
    }
    return null;
  }
}
