package dev.setpoint.web.security;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A session cookie on a request that breaks its rules (from another site, or a state change without
 * the CSRF token) is refused with 403 naming the rule, before the request is matched to a resource:
 * so a forged form post gets that 403, not an answer about its media type or path.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class SessionRefusals implements ContainerRequestFilter {

  @Context HttpServletRequest servletRequest;

  @Inject AuditTrail audit;
  @Inject Problems problems;

  @Override
  public void filter(ContainerRequestContext request) {
    AuthenticationOutcome.of(servletRequest)
        .map(AuthenticationOutcome::result)
        .filter(AuthenticationOutcome.SessionRefused.class::isInstance)
        .map(AuthenticationOutcome.SessionRefused.class::cast)
        .ifPresent(
            refused -> {
              audit.denied(
                  AuditAction.SIGN_IN,
                  AuditTarget.PLATFORM,
                  "a console session: " + refused.rule());
              request.abortWith(
                  problems.forbidden("Session request refused", "Refused: " + refused.rule()));
            });
  }
}
