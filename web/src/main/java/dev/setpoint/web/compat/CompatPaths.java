package dev.setpoint.web.compat;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Hands the compatibility protocols' requests to their JAX-RS resources: {@code {prefix}/...} and
 * {@code /v1/...} are forwarded (after the request id, security headers and control-character
 * filters ran on them, and the authentication mechanism read their token) to {@code
 * /api/v1/compat/...}; that internal mount asked for directly is not found.
 */
public class CompatPaths implements Filter {

  @Inject ProtocolPaths paths;

  /** Checks the configured prefix and mount now: a wrong one stops the start, not a request. */
  @Override
  public void init(jakarta.servlet.FilterConfig filterConfig) {
    paths.springPrefix();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = ProtocolPaths.pathOf(http);
    if (ProtocolPaths.internal(path)) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!paths.protocolPath(path)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> target = paths.forwardTarget(path);
    if (target.isEmpty()) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    // the query travels with the path: the resources read ?version=, ?list=, ...
    String query = http.getQueryString();
    String forwarded = query == null ? target.get() : target.get() + "?" + query;
    request.getRequestDispatcher(forwarded).forward(request, response);
  }
}
