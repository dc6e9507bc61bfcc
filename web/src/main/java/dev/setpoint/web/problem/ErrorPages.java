package dev.setpoint.web.problem;

import dev.setpoint.web.http.RequestIds;
import dev.setpoint.web.http.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web module ({@code web.xml} sends every status and exception here): what
 * the servlet container itself refuses or cannot find (an encoded slash or dot segment, a path no
 * servlet serves, a file that does not exist) answers with a problem document like every API error,
 * never the container's page with its product name, message ids or stack trace.
 */
public class ErrorPages extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  @Inject transient Problems problems;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int status = code instanceof Integer given ? given : 404;
    if (notFound(failure)) {
      status = 404;
    }
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    SecurityHeaders.apply(request, response);
    String requestId = RequestIds.assign(request, response);
    String instance = uri == null ? request.getRequestURI() : uri.toString();
    HttpProblems.Kind kind = HttpProblems.kind(status);
    if (status >= 500) {
      LOG.log(Level.SEVERE, "The container failed to serve a request", failure);
      kind = HttpProblems.INTERNAL;
      status = 500;
    } else if (status == 400) {
      kind = HttpProblems.MALFORMED_REQUEST;
    }
    problems.write(
        response, instance, requestId, status, kind.type(), kind.title(), kind.detail(), null);
  }

  private static boolean notFound(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileNotFoundException) {
        return true;
      }
    }
    return false;
  }
}
