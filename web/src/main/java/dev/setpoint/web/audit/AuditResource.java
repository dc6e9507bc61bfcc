package dev.setpoint.web.audit;

import dev.setpoint.api.audit.AuditEventView;
import dev.setpoint.api.audit.AuditPruneRequest;
import dev.setpoint.api.audit.AuditPruneView;
import dev.setpoint.api.audit.AuditTargetView;
import dev.setpoint.api.audit.AuditVerificationView;
import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditRecord;
import dev.setpoint.domain.audit.AuditService;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.web.http.Callers;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /audit}: the tamper-evident trail of changes, secret accesses and refusals. */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class AuditResource {

  /** One JSON object per line. */
  public static final String JSON_LINES = "application/jsonl";

  @Inject AuditService audit;

  /**
   * The schema of {@link #list}'s page, which it answers inside a {@code Response} (for its
   * Cache-Control) where the scanner cannot see the {@code Page<AuditEventView>}; named as the
   * scanner names the pages it does see.
   */
  @Schema(name = "PageAuditEventView")
  private record AuditEventPage(
      List<AuditEventView> items,
      @Schema(description = "Opaque cursor of the next page; absent on the last page.")
          String nextCursor) {}

  @GET
  @Operation(
      operationId = "listAuditEvents",
      summary = "Query the audit trail",
      description =
          "Newest first. Platform admins see every event; everyone else sees the events of the"
              + " applications they can see. Filters combine with AND.")
  @Extension(name = "x-setpoint-access", value = "visible")
  @APIResponse(
      responseCode = "200",
      description = "One page of events.",
      content = @Content(schema = @Schema(implementation = AuditEventPage.class)))
  public Response list(@BeanParam AuditFilterParams filter, @BeanParam PageParams page) {
    Page<AuditEventView> events =
        Cursors.toPage(audit.find(filter.toFilter(), page.toRequest()), AuditResource::view);
    return Response.ok(events).cacheControl(Callers.noStore()).build();
  }

  @GET
  @Path("export")
  @Produces(JSON_LINES)
  @Operation(
      operationId = "exportAuditEvents",
      summary = "Export the audit trail as JSON Lines",
      description =
          "Every matching event, oldest first, one JSON object per line, with the same fields as"
              + " the query; what the caller may see, as for the query.")
  @Extension(name = "x-setpoint-access", value = "visible")
  @APIResponse(
      responseCode = "200",
      description = "The events, streamed.",
      content =
          @Content(
              mediaType = JSON_LINES,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      description = "One AuditEvent object per line.")))
  public Response export(@BeanParam AuditFilterParams filter) {
    AuditService.Export export = audit.export(filter.toFilter());
    StreamingOutput body =
        out -> {
          BufferedWriter lines =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          try {
            export.forEach(event -> line(lines, AuditJsonLines.line(view(event))));
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          lines.flush();
        };
    return Response.ok(body, JSON_LINES)
        .cacheControl(Callers.noStore())
        .header("Content-Disposition", "attachment; filename=\"setpoint-audit.jsonl\"")
        .build();
  }

  private static void line(BufferedWriter lines, String json) {
    try {
      lines.write(json);
      lines.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Path("verify")
  @Operation(
      operationId = "verifyAuditTrail",
      summary = "Verify the audit chain",
      description =
          "Recomputes every stored event's hash from the checkpoint to the head and names the"
              + " first sequence that was altered or is missing. Platform admins only.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "200",
      description = "The result; ok is false when the chain is broken.",
      content = @Content(schema = @Schema(implementation = AuditVerificationView.class)))
  public AuditVerificationView verify() {
    AuditService.Verification result = audit.verify();
    return new AuditVerificationView(
        result.ok(),
        result.checked(),
        result.firstBrokenSequence(),
        result.head().sequence(),
        result.head().hash());
  }

  @POST
  @Path("prune")
  @Operation(
      operationId = "pruneAuditTrail",
      summary = "Archive and prune old events",
      description =
          "Writes the events recorded before the given instant to a JSON Lines file on the server,"
              + " deletes them and keeps the last one as the checkpoint, so the rest still"
              + " verifies. Refused (409) while that part of the chain does not verify. Platform"
              + " admins only; the retention job does the same on a schedule.")
  @Extension(name = "x-setpoint-access", value = "platform-admin")
  @APIResponse(
      responseCode = "200",
      description = "What was pruned (nothing when no event is that old).",
      content = @Content(schema = @Schema(implementation = AuditPruneView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AuditPruneView prune(
      @RequestBody(required = true) @Valid @NotNull AuditPruneRequest request) {
    AuditService.Pruned pruned = audit.prune(request.before());
    return new AuditPruneView(
        pruned.events(),
        pruned.checkpoint().sequence(),
        pruned.checkpoint().hash(),
        pruned.archive());
  }

  static AuditEventView view(AuditEvent event) {
    AuditRecord record = event.record();
    AuditTarget target = record.target();
    return new AuditEventView(
        event.sequence(),
        record.at(),
        record.actor(),
        record.action().wireName(),
        new AuditTargetView(
            target.application(), target.environment(), target.key(), target.version()),
        record.outcome().wireName(),
        record.clientAddress(),
        record.requestId(),
        record.detail(),
        event.hash());
  }
}
