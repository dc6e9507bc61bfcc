package dev.setpoint.web.problem;

import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.domain.secret.KeysUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Secrets cannot be used because the master keys are not loaded: 503, with the reason. */
@Provider
@ApplicationScoped
public class SecretProblems implements ExceptionMapper<KeysUnavailable> {

  @Inject Problems problems;

  @Override
  public Response toResponse(KeysUnavailable e) {
    Response problem =
        problems.respond(
            Response.Status.SERVICE_UNAVAILABLE,
            ProblemTypes.SECRETS_UNAVAILABLE,
            "Secrets unavailable",
            e.getMessage() + ". Nothing was written.");
    return Response.fromResponse(problem).header("Retry-After", "30").build();
  }
}
