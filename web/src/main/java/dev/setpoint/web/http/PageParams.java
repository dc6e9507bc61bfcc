package dev.setpoint.web.http;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.shared.PageRequest;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters every list endpoint takes. They are read as text so that a value that
 * is not a number is a 400 naming the field rather than JAX-RS's 404.
 */
public class PageParams {

  @QueryParam("limit")
  @Parameter(description = "Page size, 1 to " + ApiLimits.MAX_PAGE_SIZE + " (default 50).")
  String limit;

  @QueryParam("cursor")
  @Parameter(description = "The nextCursor of the previous page; absent for the first page.")
  String cursor;

  /** The page these parameters ask for. */
  public PageRequest toRequest() {
    return Cursors.page(limit, cursor);
  }
}
