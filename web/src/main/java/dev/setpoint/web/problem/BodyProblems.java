package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.web.http.BodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body JSON-B could not bind: an unknown property (400 naming it), or a body that is
 * missing, not JSON, or not the shape the resource reads (400 with the position when known). The
 * parser's own message is never echoed: it names internal classes.
 */
@Provider
@ApplicationScoped
public class BodyProblems implements ExceptionMapper<JsonbException> {

  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile("Json property (\\S+) can not be mapped");
  private static final Pattern POSITION =
      Pattern.compile("line no=(\\d+), column no=(\\d+), offset=(-?\\d+)");

  @Inject Problems problems;

  @Inject BodyLimit limits;

  @Override
  public Response toResponse(JsonbException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyLimit.TooLarge) {
        return BodyLimit.tooLarge(problems, limits.maxBytes());
      }
    }
    String message = String.valueOf(e.getMessage());
    Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
    if (unknown.find()) {
      String property = unknown.group(1);
      return problems.respond(
          400,
          ProblemTypes.UNKNOWN_PROPERTY,
          "Unknown property",
          "The body has a property this resource does not accept: " + property,
          List.of(new FieldError(property, "is not a known property")));
    }
    return problems.respond(
        400, ProblemTypes.MALFORMED_BODY, "Malformed request body", describe(message), null);
  }

  private static String describe(String parserMessage) {
    Matcher position = POSITION.matcher(parserMessage);
    if (position.find()) {
      if (position.group(3).equals("-1")) {
        return "The request body is empty; send a JSON object";
      }
      return "The request body is not valid JSON (line "
          + position.group(1)
          + ", column "
          + position.group(2)
          + ")";
    }
    return "The request body is not a JSON object of the shape this resource accepts";
  }
}
