package dev.setpoint.web.security;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.SessionService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What {@link SetpointAuthentication} found for one request, handed to {@link CallerFilter} in one
 * request attribute: the client address's request budget, taken before anything else, and the
 * result of the sign-in. This class is the only one that reads or writes the attribute.
 *
 * @param addressBudget the client address's budget, taken before any credential is looked at
 * @param result what came of the credentials presented, if any
 */
record AuthenticationOutcome(RateLimits.Verdict addressBudget, Result result) {

  private static final String ATTRIBUTE = AuthenticationOutcome.class.getName();

  /** What came of the credentials. */
  sealed interface Result
      permits None, Authenticated, Refused, Throttled, CannotCheck, SessionRefused, SessionEnded {}

  /** No credentials, or nothing that is a sign-in attempt (the edge guards answer those). */
  record None() implements Result {}

  /**
   * Valid credentials: the caller they name, and the console session that signed the request in
   * (null for any other credential).
   */
  record Authenticated(Caller caller, SessionService.Active session) implements Result {

    Authenticated(Caller caller) {
      this(caller, null);
    }
  }

  /** A live session cookie on a request that breaks {@code rule}: answered 403. */
  record SessionRefused(String rule) implements Result {}

  /**
   * A session cookie whose session has ended (signed out, timed out, revoked) or never existed: the
   * request is anonymous, and is refused unless the resource is public.
   */
  record SessionEnded() implements Result {}

  /** Credentials presented and refused; {@code scheme} is the one that failed. */
  record Refused(String scheme) implements Result {
    boolean bearer() {
      return "bearer".equals(scheme);
    }
  }

  /** A failed sign-in budget of the account or address is spent. */
  record Throttled(RateLimits.Verdict verdict) implements Result {}

  /** The credentials could not be checked: the store is unreachable. */
  record CannotCheck() implements Result {}

  static final Result NONE = new None();

  /** Leaves the outcome on the request for the filter. */
  void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  /** The outcome the mechanism left on the request; empty when it did not run. */
  static Optional<AuthenticationOutcome> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof AuthenticationOutcome outcome
        ? Optional.of(outcome)
        : Optional.empty();
  }
}
