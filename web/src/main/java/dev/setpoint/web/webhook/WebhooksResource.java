package dev.setpoint.web.webhook;

import dev.setpoint.api.webhook.CreatedWebhookView;
import dev.setpoint.api.webhook.WebhookDeliveryView;
import dev.setpoint.api.webhook.WebhookRequest;
import dev.setpoint.api.webhook.WebhookView;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.webhook.Webhook;
import dev.setpoint.domain.webhook.WebhookDelivery;
import dev.setpoint.domain.webhook.WebhookService;
import dev.setpoint.web.http.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /applications/{app}/webhooks}: where an application's events are sent. */
@Path("/applications/{app}/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class WebhooksResource {

  @Inject WebhookService webhooks;

  @Inject TargetNames names;

  @Context UriInfo uri;

  @PathParam("app")
  String app;

  @POST
  @Operation(
      operationId = "createWebhook",
      summary = "Register a webhook",
      description =
          "The URL receives the application's new and resolved readiness findings, rotation-due"
              + " notices and release publications as signed JSON POSTs, retried with exponential"
              + " backoff. The signing secret is in this answer only.")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(
      responseCode = "201",
      description = "Registered.",
      content = @Content(schema = @Schema(implementation = CreatedWebhookView.class)))
  public Response create(@RequestBody(required = true) @Valid @NotNull WebhookRequest request) {
    WebhookService.Created created = webhooks.create(names.application(app), request.url());
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.webhook().id().toString()).build())
        .cacheControl(Callers.noStore())
        .entity(new CreatedWebhookView(created.secret(), view(created.webhook())))
        .build();
  }

  @GET
  @Operation(operationId = "listWebhooks", summary = "List an application's webhooks")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(responseCode = "200", description = "The webhooks, oldest first.")
  public List<WebhookView> list() {
    return webhooks.list(names.application(app)).stream().map(WebhooksResource::view).toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "deleteWebhook", summary = "Remove a webhook and its deliveries")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(responseCode = "204", description = "Removed.")
  public Response delete(@PathParam("id") UUID id) {
    webhooks.delete(names.application(app), id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "A webhook's recent deliveries",
      description = "Newest first, with the status, attempts and last answer of each.")
  @Extension(name = "x-setpoint-access", value = "manage-app")
  @APIResponse(responseCode = "200", description = "The deliveries.")
  public List<WebhookDeliveryView> deliveries(
      @PathParam("id") UUID id,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "" + PageRequest.MAX_LIMIT,
                      defaultValue = "" + PageRequest.DEFAULT_LIMIT))
          @QueryParam("limit")
          String limit) {
    int asked = limit(limit);
    return webhooks.deliveries(names.application(app), id, asked).stream()
        .map(WebhooksResource::view)
        .toList();
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return PageRequest.DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidValue("limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
    }
  }

  private static WebhookView view(Webhook webhook) {
    return new WebhookView(
        webhook.id().toString(),
        webhook.application().slug().value(),
        webhook.url(),
        webhook.createdBy(),
        webhook.createdAt());
  }

  private static WebhookDeliveryView view(WebhookDelivery delivery) {
    return new WebhookDeliveryView(
        delivery.id().toString(),
        delivery.event(),
        delivery.status(),
        delivery.attempts(),
        delivery.createdAt(),
        delivery.lastAttemptAt(),
        delivery.nextAttemptAt(),
        delivery.lastResponseStatus(),
        delivery.lastOutcome(),
        "delivered".equals(delivery.lastOutcome()) ? null : delivery.lastOutcome());
  }
}
