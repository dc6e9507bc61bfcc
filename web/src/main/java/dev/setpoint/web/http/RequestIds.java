package dev.setpoint.web.http;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import dev.setpoint.api.ApiLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, otherwise a new
 * UUID. The id is echoed in the response header, put on every log record written while the request
 * is served (the {@code ext_requestId} field of Liberty's JSON log), and quoted in problem bodies.
 */
public class RequestIds extends HttpFilter {

  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final String LOG_FIELD = "requestId";
  private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

  /** The id of {@code request}, or null outside a filtered request. */
  public static String current(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id == null ? null : id.toString();
  }

  /** The caller's id when it is 8 to 128 characters of {@code [A-Za-z0-9._:-]}, else a new one. */
  static String accept(String offered) {
    if (offered != null && SANE.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }

  /**
   * The id of {@code request}, given now if it has none yet (an error page for a request the
   * container refused before any filter ran), and echoed on {@code response}.
   */
  public static String assign(HttpServletRequest request, HttpServletResponse response) {
    String id = current(request);
    if (id == null) {
      id = accept(request.getHeader(ApiLimits.REQUEST_ID_HEADER));
      request.setAttribute(ATTRIBUTE, id);
    }
    response.setHeader(ApiLimits.REQUEST_ID_HEADER, id);
    return id;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = assign(request, response);
    LogRecordContext.addExtension(LOG_FIELD, id);
    try {
      chain.doFilter(request, response);
    } finally {
      LogRecordContext.removeExtension(LOG_FIELD);
    }
  }
}
