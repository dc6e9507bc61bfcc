package dev.setpoint.web.transfer;

import dev.setpoint.api.transfer.ExportRequest;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.transfer.ApplicationExport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /applications/{app}/export}: the application as a bundle file. See docs/bundles.md. */
@Path("/applications/{app}/export")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Import")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ExportResource {

  @Inject ApplicationExport exports;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @POST
  @Operation(
      operationId = "exportApplication",
      summary = "Export the application as a bundle",
      description =
          "One JSON file (format setpoint-bundle, version 1): a readable manifest (the"
              + " application, its environments, setting definitions and overrides, the names of"
              + " its secrets, the metadata of each environment's newest 100 releases) and the"
              + " secrets' values encrypted to the passphrase (Argon2id, then AES-256-GCM with the"
              + " manifest as associated data) or, with recipient instead, to that public keyset"
              + " (Tink HPKE, the manifest as context info; the private key never comes to the"
              + " server). Needs the admin role on the application and, for"
              + " each environment with secrets, the right to reveal them (on a production"
              + " environment, granted there); every secret read is audited as secret.reveal, the"
              + " export as bundle.export. Restore it with POST /bundles.")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(
      responseCode = "200",
      description = "The bundle file, as an attachment.",
      headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public Response export(@RequestBody(required = true) @Valid @NotNull ExportRequest request) {
    Slug slug = names.application(app);
    char[] passphrase = request.passphrase() == null ? null : request.passphrase().toCharArray();
    try {
      return Response.ok(exports.export(slug, passphrase, request.recipient()))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "attachment; filename=\"" + slug.value() + ".setpoint-bundle.json\"")
          .build();
    } finally {
      if (passphrase != null) {
        java.util.Arrays.fill(passphrase, '\0');
      }
    }
  }
}
