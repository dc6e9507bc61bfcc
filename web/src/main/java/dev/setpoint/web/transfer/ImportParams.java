package dev.setpoint.web.transfer;

import dev.setpoint.domain.transfer.ImportRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters both imports take, read as text so that a bad flag is a 400 naming it; the {@code
 * type.KEY} parameters are read from the whole query (their names carry the key).
 */
public class ImportParams {

  @QueryParam("format")
  @Parameter(
      description = "The file's format; by default the one its Content-Type names.",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"dotenv", "properties", "yaml", "json", "spring"}))
  String format;

  @QueryParam("dryRun")
  @Parameter(description = ImportMedia.DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
  String dryRun;

  @QueryParam("skipRefused")
  @Parameter(description = ImportMedia.SKIP_REFUSED, schema = @Schema(type = SchemaType.BOOLEAN))
  String skipRefused;

  @HeaderParam(HttpHeaders.CONTENT_TYPE)
  String contentType;

  @Context UriInfo uri;

  /** The import these parameters and {@code body} ask for. */
  ImportRequest toRequest(byte[] body) {
    return new ImportRequest(
        body == null ? new byte[0] : body,
        format,
        contentType,
        TransferViews.types(uri.getQueryParameters()),
        TransferViews.flag("dryRun", dryRun),
        TransferViews.flag("skipRefused", skipRefused));
  }
}
