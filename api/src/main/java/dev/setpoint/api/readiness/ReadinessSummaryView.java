package dev.setpoint.api.readiness;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The readiness of every environment the caller can see. */
@Schema(name = "ReadinessSummary")
public record ReadinessSummaryView(
    @Schema(
            description = "The worst status over all environments.",
            enumeration = {"blocked", "attention", "ready"})
        String status,
    List<Entry> environments) {

  /** One environment's status and its unsuppressed findings by severity. */
  @Schema(name = "ReadinessSummaryEntry")
  public record Entry(
      String application,
      String environment,
      boolean production,
      @Schema(enumeration = {"blocked", "attention", "ready"}) String status,
      @Schema(description = "Unsuppressed open findings by severity.") Map<String, Long> counts) {}
}
