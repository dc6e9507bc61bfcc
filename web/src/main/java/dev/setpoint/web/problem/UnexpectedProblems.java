package dev.setpoint.web.problem;

import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: any failure nothing else mapped. A domain exception wrapped by the transaction
 * machinery is unwrapped and mapped as usual; anything else is logged in full with the request id
 * and answered with a generic 500 problem that reveals nothing of the server's insides.
 */
@Provider
@ApplicationScoped
public class UnexpectedProblems implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class.getName());

  @Inject Problems problems;

  @Inject DomainProblems domainProblems;

  @Override
  public Response toResponse(Throwable failure) {
    for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        return domainProblems.toResponse(domain);
      }
    }
    return internal(problems, failure);
  }

  static Response internal(Problems problems, Throwable failure) {
    LOG.log(Level.SEVERE, "Unexpected failure while serving a request", failure);
    return problems.respond(
        Response.Status.INTERNAL_SERVER_ERROR,
        ProblemTypes.INTERNAL,
        "Internal error",
        "Setpoint failed to handle this request. Operators can find the details in the log under"
            + " the request id.");
  }
}
