package dev.setpoint.web.problem;

import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.domain.secret.Undecryptable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * A stored secret failed its integrity check (moved, altered, or its master key is not loaded).
 * Operators get a log line with the request id; the client gets a clean problem and no details.
 */
@Provider
@ApplicationScoped
public class UndecryptableProblems implements ExceptionMapper<Undecryptable> {

  private static final Logger LOG = Logger.getLogger(UndecryptableProblems.class.getName());

  @Inject Problems problems;

  @Override
  public Response toResponse(Undecryptable e) {
    LOG.severe(() -> "A stored secret failed to decrypt: " + e.getMessage());
    return problems.respond(
        Response.Status.INTERNAL_SERVER_ERROR,
        ProblemTypes.SECRET_UNDECRYPTABLE,
        "Secret cannot be decrypted",
        "The stored secret failed its integrity check and was not revealed. Operators can find"
            + " the details in the log under the request id.");
  }
}
