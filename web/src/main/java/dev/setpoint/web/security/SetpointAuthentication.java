package dev.setpoint.web.security;

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
 * service tokens, any other {@code Bearer} for JWTs from the OpenID Connect provider, and lets the
 * identity stores decide. It never answers by itself: it leaves the outcome in request attributes
 * for {@link CallerFilter}, which answers 401 / 429 as problem documents like every other error.
 *
 * <p>Nothing is remembered between requests: no session, no cookie (so there is nothing for a
 * cross-site request to ride on).
 */
@ApplicationScoped
public class SetpointAuthentication implements HttpAuthenticationMechanism {

  /** The authenticated {@link dev.setpoint.domain.access.Caller}. */
  static final String CALLER = "dev.setpoint.auth.caller";

  /** Set when credentials were presented and refused: the scheme that failed. */
  static final String FAILED = "dev.setpoint.auth.failed";

  /**
   * The client address's request budget, taken before anything else: a {@link RateLimits.Verdict}.
   */
  static final String ADDRESS_BUDGET = "dev.setpoint.auth.address-budget";

  /**
   * Set when a failed sign-in budget of the account or address is spent: a {@link
   * RateLimits.Verdict}.
   */
  static final String THROTTLED = "dev.setpoint.auth.throttled";

  /** Set when credentials could not be checked because the store is unreachable. */
  static final String UNAVAILABLE = "dev.setpoint.auth.unavailable";

  private static final Logger LOG = Logger.getLogger(SetpointAuthentication.class.getName());

  @Inject IdentityStoreHandler identityStores;
  @Inject RateLimits limits;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String address = request.getRemoteAddr();
    // every budget is spent before any credential is checked, so a refused request costs no hash
    RateLimits.Verdict byAddress = limits.address(address);
    request.setAttribute(ADDRESS_BUDGET, byAddress);
    String header = request.getHeader("Authorization");
    if (!byAddress.allowed() || header == null || header.isBlank()) {
      return context.doNothing();
    }
    if (dev.setpoint.web.http.ControlCharacters.inHeaderValue(header)
        || dev.setpoint.web.http.ControlCharacters.basicCredentialHasControl(header)) {
      // not a sign-in attempt: the control-character guard, a servlet filter that runs after this
      // mechanism, answers 400 before anything else sees the request
      return context.doNothing();
    }
    String scheme = scheme(header);
    Credential credential = credential(scheme, header);
    String account =
        credential instanceof UsernamePasswordCredential password ? password.getCaller() : null;
    RateLimits.Verdict spent = account == null ? null : limits.spentPrincipal(account);
    if (spent != null) {
      request.setAttribute(THROTTLED, spent);
      return context.doNothing();
    }
    SignInBudgets.Attempt attempt =
        limits.reserveSignIn(
            account,
            account == null ? dev.setpoint.domain.access.TokenService.hash(header) : null,
            address);
    if (!attempt.allowed()) {
      request.setAttribute(THROTTLED, attempt.verdict());
      return context.doNothing();
    }
    if (credential == null) {
      return refuse(request, scheme);
    }
    CredentialValidationResult result;
    try {
      result = identityStores.validate(credential);
    } catch (RuntimeException e) {
      attempt.succeeded();
      LOG.log(Level.WARNING, "Checking credentials failed; the store may be unreachable", e);
      request.setAttribute(UNAVAILABLE, Boolean.TRUE);
      return context.doNothing();
    }
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof SetpointPrincipal principal) {
      attempt.succeeded();
      request.setAttribute(CALLER, principal.caller());
      return context.notifyContainerAboutLogin(result);
    }
    return refuse(request, scheme);
  }

  private AuthenticationStatus refuse(HttpServletRequest request, String scheme) {
    request.setAttribute(FAILED, scheme);
    // not a container failure: the filter answers with a problem document
    return AuthenticationStatus.NOT_DONE;
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
