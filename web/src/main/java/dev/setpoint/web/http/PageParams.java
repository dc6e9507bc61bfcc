package dev.setpoint.web.http;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.shared.PageRequest;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters every list endpoint takes. They are read as text so that a value that
 * is not a number is a 400 naming the field rather than JAX-RS's 404; the OpenAPI document still
 * describes {@code limit} as the integer it must be.
 */
public class PageParams {

  @QueryParam("limit")
  @Parameter(
      description = "Page size.",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "1",
              maximum = "" + ApiLimits.MAX_PAGE_SIZE,
              defaultValue = "" + ApiLimits.DEFAULT_PAGE_SIZE))
  String limit;

  @QueryParam("cursor")
  @Parameter(description = "The nextCursor of the previous page; absent for the first page.")
  String cursor;

  /** The page these parameters ask for. */
  public PageRequest toRequest() {
    return Cursors.page(limit, cursor);
  }
}
