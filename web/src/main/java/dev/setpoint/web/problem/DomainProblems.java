package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.domain.change.StaleChangeRequest;
import dev.setpoint.domain.review.ReviewRequired;
import dev.setpoint.domain.secret.KeysUnavailable;
import dev.setpoint.domain.secret.Undecryptable;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DomainException;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.StaleVersion;
import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.domain.shared.Unavailable;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Logger;

/**
 * Maps each domain exception to its one problem type, the secret-key failures included: master keys
 * not loaded is a 503 with the reason; a stored secret that fails its integrity check is a clean
 * 500 without details, and a log line with the request id for operators.
 */
@Provider
@ApplicationScoped
public class DomainProblems implements ExceptionMapper<DomainException> {

  private static final Logger LOG = Logger.getLogger(DomainProblems.class.getName());

  @Inject Problems problems;

  @Override
  public Response toResponse(DomainException e) {
    if (e instanceof InvalidValue invalid) {
      return problems.respond(
          400,
          ProblemTypes.VALIDATION,
          "Request validation failed",
          invalid.getMessage(),
          fieldErrors(invalid.violations()));
    }
    if (e instanceof Unprocessable unprocessable) {
      return problems.respond(
          422,
          ProblemTypes.UNPROCESSABLE,
          "Unprocessable request",
          unprocessable.getMessage(),
          fieldErrors(unprocessable.violations()));
    }
    if (e instanceof StaleVersion) {
      return problems.respond(
          Response.Status.PRECONDITION_FAILED,
          ProblemTypes.PRECONDITION_FAILED,
          "Precondition failed",
          e.getMessage() + ". Fetch the resource again and retry with its current ETag.");
    }
    return refusal(e);
  }

  /** The problems whose body carries the exception's message alone. */
  private Response refusal(DomainException e) {
    if (e instanceof Unavailable) {
      return problems.unavailable(e.getMessage());
    }
    if (e instanceof Unauthenticated) {
      return problems.unauthenticated(e.getMessage(), false);
    }
    if (e instanceof Forbidden) {
      return problems.forbidden("Forbidden", e.getMessage());
    }
    if (e instanceof NotFound) {
      return problems.respond(
          Response.Status.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }
    if (e instanceof ReviewRequired) {
      return problems.respond(
          Response.Status.CONFLICT,
          ProblemTypes.CHANGE_REQUEST_REQUIRED,
          "Change request required",
          e.getMessage());
    }
    if (e instanceof StaleChangeRequest) {
      return problems.respond(
          Response.Status.CONFLICT,
          ProblemTypes.CHANGE_REQUEST_STALE,
          "Change request stale",
          e.getMessage());
    }
    if (e instanceof Conflict) {
      return problems.respond(
          Response.Status.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
    }
    return secretKeys(e);
  }

  private Response secretKeys(DomainException e) {
    if (e instanceof KeysUnavailable) {
      return problems.secretsUnavailable(e.getMessage() + ". Nothing was written.");
    }
    if (e instanceof Undecryptable) {
      LOG.severe(() -> "A stored secret failed to decrypt: " + e.getMessage());
      return problems.respond(
          Response.Status.INTERNAL_SERVER_ERROR,
          ProblemTypes.SECRET_UNDECRYPTABLE,
          "Secret cannot be decrypted",
          "The stored secret failed its integrity check and was not revealed. Operators can find"
              + " the details in the log under the request id.");
    }
    throw new IllegalStateException("Unmapped domain exception " + e.getClass().getName(), e);
  }

  private static List<FieldError> fieldErrors(List<InvalidValue.Violation> violations) {
    return violations.stream().map(v -> new FieldError(v.field(), v.rule())).toList();
  }
}
