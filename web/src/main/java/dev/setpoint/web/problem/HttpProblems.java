package dev.setpoint.web.problem;

import dev.setpoint.api.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * HTTP-level failures the JAX-RS runtime raises itself (no such path, method not allowed,
 * unsupported media type, nothing acceptable, unreadable body) as problems with their status.
 */
@Provider
@ApplicationScoped
public class HttpProblems implements ExceptionMapper<WebApplicationException> {

  private record Kind(String type, String title, String detail) {}

  private static final Map<Integer, Kind> KINDS =
      Map.of(
          400,
          new Kind(
              ProblemTypes.MALFORMED_BODY,
              "Malformed request",
              "The request could not be read; check the body is valid JSON for this resource"),
          404,
          new Kind(ProblemTypes.NOT_FOUND, "Not found", "No resource exists at this path"),
          405,
          new Kind(
              ProblemTypes.METHOD_NOT_ALLOWED,
              "Method not allowed",
              "This path does not support the method; see the Allow header"),
          406,
          new Kind(
              ProblemTypes.NOT_ACCEPTABLE,
              "Not acceptable",
              "None of the media types in Accept can be produced; ask for application/json"),
          415,
          new Kind(
              ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported media type",
              "Send the body as application/json"));

  @Inject Problems problems;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return UnexpectedProblems.internal(problems, e);
    }
    Kind kind =
        KINDS.getOrDefault(
            status,
            new Kind(
                ProblemTypes.HTTP,
                e.getResponse().getStatusInfo().getReasonPhrase(),
                "The request was refused"));
    Response problem = problems.respond(status, kind.type(), kind.title(), kind.detail(), null);
    String allow = e.getResponse().getHeaderString("Allow");
    return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
  }
}
