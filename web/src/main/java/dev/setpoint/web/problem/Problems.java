package dev.setpoint.web.problem;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.Problem;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.web.http.JsonbSettings;
import dev.setpoint.web.http.RequestIds;
import dev.setpoint.web.security.AuthConfig;
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

/**
 * Builds problem responses for the current request; the one place their shape is decided. The
 * problems that carry headers (401 with {@code WWW-Authenticate}, 429 and 503 with {@code
 * Retry-After}) and 403 have their own method, used by filters, mappers and resources alike.
 */
@ApplicationScoped
public class Problems {

  private static final Metadata VALIDATION_FAILURES =
      Metadata.builder()
          .withName("setpoint.validation.failures")
          .withDescription("Requests refused with 400 because a field or the body broke a rule.")
          .build();

  @Inject HttpServletRequest request;

  @Inject JsonbSettings jsonb;

  @Inject AuthConfig auth;

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
        problem(status, type, title, detail, requestedUri(), RequestIds.current(request), errors);
    return Response.status(status).type(ProblemTypes.MEDIA_TYPE).entity(body).build();
  }

  /**
   * The path the client asked for: a compatibility protocol's path forwarded to its resource
   * (docs/compat.md) is named as the client sent it.
   */
  private String requestedUri() {
    Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
    return forwarded instanceof String uri ? uri : request.getRequestURI();
  }

  /**
   * 401 with the challenges Setpoint accepts in {@code WWW-Authenticate}: Basic (when the user
   * store is on) and Bearer, marked {@code error="invalid_token"} when a bearer token was refused.
   */
  public Response unauthenticated(String detail, boolean invalidBearer) {
    return Response.fromResponse(
            respond(
                Response.Status.UNAUTHORIZED,
                ProblemTypes.UNAUTHENTICATED,
                "Authentication required",
                detail))
        .header("WWW-Authenticate", challenge(auth.basicEnabled(), invalidBearer))
        .build();
  }

  /** 403: the caller is known and may not do this. */
  public Response forbidden(String title, String detail) {
    return respond(Response.Status.FORBIDDEN, ProblemTypes.FORBIDDEN, title, detail);
  }

  /** 429 with {@code Retry-After}: a request budget is spent. */
  public Response tooManyRequests(long retryAfterSeconds, String detail) {
    return Response.fromResponse(
            respond(429, ProblemTypes.RATE_LIMITED, "Too many requests", detail, null))
        .status(429, "Too Many Requests")
        .header("Retry-After", retryAfterSeconds)
        .build();
  }

  /** 503 with {@code Retry-After: 5}: the database or the credential stores cannot serve now. */
  public Response unavailable(String detail) {
    return unavailable(ProblemTypes.UNAVAILABLE, "Service unavailable", detail, 5);
  }

  /** 503 with {@code Retry-After: 30}: secrets cannot be used while the master keys are missing. */
  public Response secretsUnavailable(String detail) {
    return unavailable(ProblemTypes.SECRETS_UNAVAILABLE, "Secrets unavailable", detail, 30);
  }

  private Response unavailable(String type, String title, String detail, int retryAfterSeconds) {
    return Response.fromResponse(respond(Response.Status.SERVICE_UNAVAILABLE, type, title, detail))
        .header("Retry-After", Integer.toString(retryAfterSeconds))
        .build();
  }

  /** The challenges Setpoint accepts: Basic (when the user store is on) and Bearer. */
  static String challenge(boolean basic, boolean invalidBearer) {
    String bearer =
        invalidBearer
            ? "Bearer realm=\"setpoint\", error=\"invalid_token\""
            : "Bearer realm=\"setpoint\"";
    return basic ? "Basic realm=\"setpoint\", charset=\"UTF-8\", " + bearer : bearer;
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
