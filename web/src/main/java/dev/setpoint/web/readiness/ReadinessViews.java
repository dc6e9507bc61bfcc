package dev.setpoint.web.readiness;

import dev.setpoint.api.readiness.FindingView;
import dev.setpoint.api.readiness.ReadinessView;
import dev.setpoint.api.readiness.SuppressionView;
import dev.setpoint.domain.readiness.ReadinessFinding;
import dev.setpoint.domain.readiness.ReadinessReport;
import dev.setpoint.domain.readiness.ReadinessRule;
import dev.setpoint.domain.readiness.Suppression;
import java.util.LinkedHashMap;
import java.util.Map;

/** Domain readiness objects to API records. */
public final class ReadinessViews {

  private ReadinessViews() {}

  public static ReadinessView of(ReadinessReport report) {
    Map<String, SuppressionView> suppressions = new LinkedHashMap<>();
    report.findings().stream()
        .filter(i -> i.suppression() != null)
        .forEach(
            i -> suppressions.putIfAbsent(i.suppression().id().toString(), of(i.suppression())));
    return new ReadinessView(
        report.status(),
        report.findings().stream()
            .map(i -> of(i.finding(), i.suppression() == null ? null : of(i.suppression())))
            .toList(),
        suppressions.values().stream().toList());
  }

  static FindingView of(ReadinessFinding finding, SuppressionView suppressed) {
    ReadinessRule rule = finding.rule();
    return new FindingView(
        rule.id(),
        rule.severity().wireName(),
        finding.key(),
        rule.message(),
        rule.remediation(),
        rule.checklistItem(),
        finding.detail(),
        finding.firstSeenAt(),
        suppressed);
  }

  static SuppressionView of(Suppression suppression) {
    return new SuppressionView(
        suppression.id().toString(),
        suppression.rule(),
        suppression.key(),
        suppression.reason(),
        suppression.expiresAt(),
        suppression.createdBy(),
        suppression.createdAt());
  }
}
