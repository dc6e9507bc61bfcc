package dev.setpoint.web.problem;

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
 * machinery is unwrapped and mapped as usual; a database that cannot be reached is a 503 with
 * {@code Retry-After}, and so is a transaction the manager rolled back at commit (it outlived the
 * transaction timeout); anything else is logged in full with the request id and answered with a
 * generic 500 problem that reveals nothing of the server's insides.
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
    if (timedOut(failure)) {
      LOG.log(
          Level.WARNING,
          "A transaction outlived the server's timeout and was rolled back",
          failure);
      return problems.unavailable(
          "The change took longer than a transaction may last and was rolled back; nothing was"
              + " changed. Retry when the server is less busy, or send it in smaller parts.");
    }
    if (databaseUnreachable(failure)) {
      LOG.log(Level.WARNING, "The database could not be reached while serving a request", failure);
      return problems.unavailable(
          "Setpoint cannot reach its database; nothing was changed. Retry shortly.");
    }
    return internal(problems, failure);
  }

  /** True when the transaction manager rolled the transaction back at commit (its timeout). */
  static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof jakarta.transaction.RollbackException) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the failure comes from not getting a working connection: JDBC's connection exceptions
   * (SQLState class 08) anywhere in the cause chain.
   */
  static boolean databaseUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  static Response internal(Problems problems, Throwable failure) {
    LOG.log(Level.SEVERE, "Unexpected failure while serving a request", failure);
    HttpProblems.Kind kind = HttpProblems.INTERNAL;
    return problems.respond(500, kind.type(), kind.title(), kind.detail(), null);
  }
}
