package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.Problem;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.web.http.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
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
    if (status == Response.Status.BAD_REQUEST.getStatusCode()) {
      metrics.counter(VALIDATION_FAILURES).inc();
    }
    Problem body =
        new Problem(
            type,
            title,
            status,
            detail,
            request.getRequestURI(),
            RequestIds.current(request),
            errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    return Response.status(status).type(ProblemTypes.MEDIA_TYPE).entity(body).build();
  }
}
