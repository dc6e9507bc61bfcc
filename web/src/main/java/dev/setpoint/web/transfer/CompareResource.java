package dev.setpoint.web.transfer;

import dev.setpoint.api.transfer.ComparisonView;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.transfer.EnvironmentComparison;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /applications/{app}/compare?from=&to=}: how two environments' values differ. */
@Path("/applications/{app}/compare")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class CompareResource {

  @Inject EnvironmentComparison comparison;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @GET
  @Operation(
      operationId = "compareEnvironments",
      summary = "Compare two environments",
      description =
          "The values in force (overrides, else defaults; secrets' current versions) of two"
              + " environments, key by key. Secrets are compared by their keyed fingerprint and"
              + " never shown. Needs read on both.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(
      responseCode = "200",
      description = "The comparison.",
      content = @Content(schema = @Schema(implementation = ComparisonView.class)))
  public ComparisonView compare(
      @Parameter(
              required = true,
              description = "The environment compared from.",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("from")
          String from,
      @Parameter(
              required = true,
              description = "The environment compared to.",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("to")
          String to) {
    Slug application = names.application(app);
    return TransferViews.of(
        comparison.compare(application, Slug.of("from", from), Slug.of("to", to)));
  }
}
