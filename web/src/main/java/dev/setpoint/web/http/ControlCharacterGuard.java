package dev.setpoint.web.http;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses, with a 400 problem naming each field, a request whose path, query, headers or Basic
 * credential carry control characters (see {@link ControlCharacters}), before any resource, audit
 * query or identity store sees them: PostgreSQL refuses NUL in text, and a control character in a
 * log line or an exported file lets a caller forge what other programs read. Mapped in {@code
 * web.xml} after the request id and security headers, so the refusal carries both.
 */
public class ControlCharacterGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient Problems problems;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    List<FieldError> errors = findings(request);
    if (errors.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String fields = errors.stream().map(FieldError::field).collect(Collectors.joining(", "));
    problems.write(
        response,
        request.getRequestURI(),
        RequestIds.current(request),
        400,
        ProblemTypes.VALIDATION,
        "Request validation failed",
        "The request carries control characters or broken percent-encoding in: " + fields,
        errors);
  }

  private static List<FieldError> findings(HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>(ControlCharacters.inPath(request.getRequestURI()));
    errors.addAll(ControlCharacters.inQuery(request.getQueryString()));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    errors.addAll(ControlCharacters.inHeaders(headers));
    return errors;
  }
}
