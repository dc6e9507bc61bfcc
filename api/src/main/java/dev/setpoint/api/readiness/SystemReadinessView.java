package dev.setpoint.api.readiness;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Setpoint's own running configuration against the production checklist. */
@Schema(name = "SystemReadiness")
public record SystemReadinessView(
    @Schema(
            description = "ready, or attention when any finding is open.",
            enumeration = {"ready", "attention"})
        String status,
    List<Check> findings) {

  /** One way in which this server is not set up for production. */
  @Schema(name = "SystemReadinessFinding")
  public record Check(
      String rule,
      @Schema(enumeration = {"critical", "high", "medium", "low"}) String severity,
      String message,
      String remediation,
      String setting) {}
}
