package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.Environment;
import java.util.Map;

/** An environment's status and how many unsuppressed findings of each severity it has. */
public record ReadinessSummary(Environment environment, String status, Map<Severity, Long> counts) {

  static ReadinessSummary of(ReadinessReport report) {
    return new ReadinessSummary(report.environment(), report.status(), report.counts());
  }
}
