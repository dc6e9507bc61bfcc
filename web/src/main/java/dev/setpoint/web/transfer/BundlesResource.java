package dev.setpoint.web.transfer;

import dev.setpoint.api.transfer.BundlePlanView;
import dev.setpoint.domain.transfer.BundlePlan;
import dev.setpoint.domain.transfer.BundleRestore;
import dev.setpoint.domain.transfer.RestoreRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /bundles}: restores an application bundle. See docs/bundles.md. */
@Path("/bundles")
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
public class BundlesResource {

  /** The request header that carries the bundle's passphrase (never a query parameter). */
  static final String PASSPHRASE = "Setpoint-Bundle-Passphrase";

  @Inject BundleRestore restores;

  @POST
  @Operation(
      operationId = "restoreBundle",
      summary = "Restore an application bundle",
      description =
          "The body is a bundle from POST /applications/{app}/export, the passphrase in the"
              + " Setpoint-Bundle-Passphrase header. A bundle encrypted to a recipient key is"
              + " decrypted by the holder of the private keyset (setpoint bundle restore"
              + " --identity) and sent with its values in secrets.values, no header; the server"
              + " never takes a private key, and a still-encrypted recipient bundle is a 400. The"
              + " file is read and its secrets decrypted before anything is planned: a wrong"
              + " passphrase, an altered file or another format version is a 400 and writes"
              + " nothing. With dryRun=true only the plan is"
              + " returned (as an import's: added, changed, unchanged, refused; never a secret's"
              + " value). Otherwise it is applied in one transaction: the application (the"
              + " bundle's slug, or ?slug=) and the environments it lacks are created, settings"
              + " and secrets written through their use cases (secrets encrypted under this"
              + " server's master key). Needs write on an existing application (admin to add"
              + " environments), or the right to register applications. Release history is not"
              + " recreated: its metadata is answered and recorded in the bundle.restore audit"
              + " event.")
  @Extension(name = "x-setpoint-access", value = "restore")
  @APIResponse(
      responseCode = "200",
      description = "The plan; applied unless dryRun=true.",
      content = @Content(schema = @Schema(implementation = BundlePlanView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than setpoint.http.max-body-bytes.")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "503", ref = "SecretsUnavailable")
  public BundlePlanView restore(
      @Parameter(
              description =
                  "The passphrase the bundle's secrets were encrypted to (at least"
                      + " setpoint.bundle.passphrase-min-length characters); required for a"
                      + " passphrase bundle, not for one whose values a client decrypted.",
              schema = @Schema(type = SchemaType.STRING))
          @HeaderParam(PASSPHRASE)
          String passphrase,
      @Parameter(
              description = "The application to restore into; by default the bundle's own slug.",
              schema = @Schema(type = SchemaType.STRING, example = "shop-copy"))
          @QueryParam("slug")
          String slug,
      @Parameter(description = ImportMedia.DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("dryRun")
          String dryRun,
      @Parameter(
              description = ImportMedia.SKIP_REFUSED,
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("skipRefused")
          String skipRefused,
      @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
          byte[] body) {
    char[] secret = passphrase == null ? null : passphrase.toCharArray();
    try {
      BundlePlan plan =
          restores.restore(
              new RestoreRequest(
                  body == null ? new byte[0] : body,
                  secret,
                  slug,
                  TransferViews.flag("dryRun", dryRun),
                  TransferViews.flag("skipRefused", skipRefused)));
      return new BundlePlanView(
          plan.application(),
          plan.bundleApplication(),
          plan.createsApplication(),
          plan.createsEnvironments(),
          TransferViews.of(plan.plan()),
          plan.releases(),
          plan.latestReleases());
    } finally {
      if (secret != null) {
        java.util.Arrays.fill(secret, '\0');
      }
    }
  }
}
