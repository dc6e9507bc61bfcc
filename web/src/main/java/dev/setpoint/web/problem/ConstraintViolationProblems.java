package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request bodies and parameters: 400 naming each field and rule. */
@Provider
@ApplicationScoped
public class ConstraintViolationProblems implements ExceptionMapper<ConstraintViolationException> {

  @Inject Problems problems;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(error -> error.field() + ": " + error.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is invalid");
    return problems.respond(
        400, ProblemTypes.VALIDATION, "Request validation failed", detail, errors);
  }

  /**
   * The name a client knows the field by: a body property's name, a query or path parameter's name,
   * or {@code body} for the body as a whole.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    String field = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY) {
        return node.getName();
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        field = node.getName();
      }
    }
    return field.equals("request") ? "body" : field;
  }
}
