package dev.setpoint.web.readiness;

import dev.setpoint.api.readiness.ReadinessSummaryView;
import dev.setpoint.domain.readiness.ReadinessReports;
import dev.setpoint.domain.readiness.Severity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /readiness}: every visible environment's status at a glance. */
@Path("/readiness")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ReadinessSummaryResource {

  private static final List<String> WORST_FIRST = List.of("blocked", "attention", "ready");

  @Inject ReadinessReports readiness;

  @GET
  @Operation(
      operationId = "readinessSummary",
      summary = "Readiness of every environment",
      description =
          "The stored findings of each environment the caller can see (re-evaluated on every"
              + " change and on a schedule), as a status and counts by severity.")
  @Extension(name = "x-setpoint-access", value = "visible")
  @APIResponse(
      responseCode = "200",
      description = "The summary.",
      content = @Content(schema = @Schema(implementation = ReadinessSummaryView.class)))
  public ReadinessSummaryView summary() {
    List<ReadinessSummaryView.Entry> entries =
        readiness.summary().stream()
            .map(
                s -> {
                  Map<String, Long> counts = new LinkedHashMap<>();
                  for (Severity severity : Severity.values()) {
                    counts.put(severity.wireName(), s.counts().getOrDefault(severity, 0L));
                  }
                  return new ReadinessSummaryView.Entry(
                      s.environment().application().slug().value(),
                      s.environment().slug().value(),
                      s.environment().production(),
                      s.status(),
                      counts);
                })
            .toList();
    String worst =
        entries.stream()
            .map(ReadinessSummaryView.Entry::status)
            .min(java.util.Comparator.comparingInt(WORST_FIRST::indexOf))
            .orElse("ready");
    return new ReadinessSummaryView(worst, entries);
  }
}
