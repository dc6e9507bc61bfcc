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

  /** The type, title and detail a status is answered with. */
  record Kind(String type, String title, String detail) {}

  /** A request the container could not read: its path, query or a header. */
  static final Kind MALFORMED_REQUEST =
      new Kind(
          ProblemTypes.MALFORMED_REQUEST,
          "Malformed request",
          "The request could not be read: its path may hold an encoded slash, backslash or dot"
              + " segment, or an escape that is not percent-encoded UTF-8");

  /** Anything that failed on Setpoint's side. */
  static final Kind INTERNAL =
      new Kind(
          ProblemTypes.INTERNAL,
          "Internal error",
          "Setpoint failed to handle this request. Operators can find the details in the log under"
              + " the request id.");

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

  /** The kind of problem a status stands for; {@link ProblemTypes#HTTP} for any not listed. */
  static Kind kind(int status) {
    Kind known = KINDS.get(status);
    if (known != null) {
      return known;
    }
    Response.StatusType info = Response.Status.fromStatusCode(status);
    return new Kind(
        ProblemTypes.HTTP,
        info == null ? "HTTP " + status : info.getReasonPhrase(),
        "The request was refused");
  }

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return UnexpectedProblems.internal(problems, e);
    }
    Kind kind = kind(status);
    Response problem = problems.respond(status, kind.type(), kind.title(), kind.detail(), null);
    String allow = e.getResponse().getHeaderString("Allow");
    return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
  }
}
