package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.Problem;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.web.http.JsonbSettings;
import dev.setpoint.web.http.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/** Builds problem responses for the current request; the one place their shape is decided. */
@ApplicationScoped
public class Problems {

  private static final Metadata VALIDATION_FAILURES =
      Metadata.builder()
          .withName("setpoint.validation.failures")
          .withDescription("Requests refused with 400 because a field or the body broke a rule.")
          .build();

  @Inject HttpServletRequest request;

  @Inject JsonbSettings jsonb;

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry metrics;

  /** A problem without field errors. */
  public Response respond(Response.Status status, String type, String title, String detail) {
    return respond(status.getStatusCode(), type, title, detail, null);
  }

  /** A problem; {@code errors} is null unless the problem is about fields. */
  public Response respond(
      int status, String type, String title, String detail, List<FieldError> errors) {
    Problem body =
        problem(
            status,
            type,
            title,
            detail,
            request.getRequestURI(),
            RequestIds.current(request),
            errors);
    return Response.status(status).type(ProblemTypes.MEDIA_TYPE).entity(body).build();
  }

  /**
   * Writes a problem straight to a servlet response, for answers given before or outside JAX-RS
   * (servlet filters, error pages); {@code instance} is the path the client asked for.
   */
  public void write(
      HttpServletResponse response,
      String instance,
      String requestId,
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors)
      throws IOException {
    Problem body = problem(status, type, title, detail, instance, requestId, errors);
    byte[] json = jsonb.getContext(Problem.class).toJson(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(ProblemTypes.MEDIA_TYPE);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  private Problem problem(
      int status,
      String type,
      String title,
      String detail,
      String instance,
      String requestId,
      List<FieldError> errors) {
    if (status == Response.Status.BAD_REQUEST.getStatusCode()) {
      metrics.counter(VALIDATION_FAILURES).inc();
    }
    return new Problem(
        type,
        title,
        status,
        detail,
        instance,
        requestId,
        errors == null || errors.isEmpty() ? null : List.copyOf(errors));
  }
}
