package dev.setpoint.web.transfer;

import dev.setpoint.api.transfer.ImportPlanView;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.transfer.ConfigurationImport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /applications/{app}/import}: a file into the application's defaults (a Spring layout also
 * into the environments its profiles name). See docs/import.md.
 */
@Path("/applications/{app}/import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ImportResource {

  @Inject ConfigurationImport imports;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @POST
  @Consumes({
    ImportMedia.DOTENV,
    ImportMedia.PROPERTIES,
    ImportMedia.YAML,
    ImportMedia.YAML_X,
    ImportMedia.YAML_TEXT,
    ImportMedia.JSON,
    ImportMedia.ZIP
  })
  @Operation(
      operationId = "importDefaults",
      summary = "Import a file into the application's defaults",
      description = ImportMedia.DESCRIPTION)
  @Extension(name = "x-setpoint-access", value = "write-app")
  @APIResponse(
      responseCode = "200",
      description = "The plan; applied unless dryRun=true.",
      content = @Content(schema = @Schema(implementation = ImportPlanView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than setpoint.http.max-body-bytes.")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public ImportPlanView importDefaults(
      @BeanParam ImportParams params,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = ImportMedia.DOTENV,
                    schema = @Schema(type = SchemaType.STRING)),
                @Content(
                    mediaType = ImportMedia.PROPERTIES,
                    schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = ImportMedia.YAML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = ImportMedia.JSON, schema = @Schema(type = SchemaType.OBJECT)),
                @Content(
                    mediaType = ImportMedia.ZIP,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))
              })
          byte[] body) {
    return TransferViews.of(
        imports.intoApplication(names.application(app), params.toRequest(body)));
  }
}
