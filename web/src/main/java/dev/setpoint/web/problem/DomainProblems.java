package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DomainException;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.StaleVersion;
import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.domain.shared.Unavailable;
import dev.setpoint.domain.shared.Unprocessable;
import dev.setpoint.web.security.AuthConfig;
import dev.setpoint.web.security.CallerFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps each domain exception to its one problem type. */
@Provider
@ApplicationScoped
public class DomainProblems implements ExceptionMapper<DomainException> {

  @Inject Problems problems;
  @Inject AuthConfig auth;

  @Override
  public Response toResponse(DomainException e) {
    if (e instanceof InvalidValue invalid) {
      return problems.respond(
          400,
          ProblemTypes.VALIDATION,
          "Request validation failed",
          invalid.getMessage(),
          invalid.violations().stream().map(v -> new FieldError(v.field(), v.rule())).toList());
    }
    if (e instanceof Unprocessable unprocessable) {
      return problems.respond(
          422,
          ProblemTypes.UNPROCESSABLE,
          "Unprocessable request",
          unprocessable.getMessage(),
          unprocessable.violations().stream()
              .map(v -> new FieldError(v.field(), v.rule()))
              .toList());
    }
    if (e instanceof Unavailable) {
      Response unavailable =
          problems.respond(
              Response.Status.SERVICE_UNAVAILABLE,
              ProblemTypes.UNAVAILABLE,
              "Service unavailable",
              e.getMessage());
      return Response.fromResponse(unavailable).header("Retry-After", "5").build();
    }
    if (e instanceof Unauthenticated) {
      return Response.fromResponse(
              problems.respond(
                  Response.Status.UNAUTHORIZED,
                  ProblemTypes.UNAUTHENTICATED,
                  "Authentication required",
                  e.getMessage()))
          .header("WWW-Authenticate", CallerFilter.challenge(auth.basicEnabled(), false))
          .build();
    }
    if (e instanceof Forbidden) {
      return problems.respond(
          Response.Status.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", e.getMessage());
    }
    if (e instanceof NotFound) {
      return problems.respond(
          Response.Status.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }
    if (e instanceof Conflict) {
      return problems.respond(
          Response.Status.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
    }
    if (e instanceof StaleVersion) {
      return problems.respond(
          Response.Status.PRECONDITION_FAILED,
          ProblemTypes.PRECONDITION_FAILED,
          "Precondition failed",
          e.getMessage() + ". Fetch the resource again and retry with its current ETag.");
    }
    throw new IllegalStateException("Unmapped domain exception " + e.getClass().getName(), e);
  }
}
