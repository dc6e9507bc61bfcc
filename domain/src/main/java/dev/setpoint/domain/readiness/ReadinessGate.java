package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.release.PublishGate;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The publish gate, the one implementation of {@link PublishGate}: refuses a production release
 * while a critical finding is open and not suppressed, unless an override reason says why it must
 * go out anyway (audited). Called by publishing, which has authorized the caller already.
 */
@ApplicationScoped
@Transactional
public class ReadinessGate implements PublishGate {

  private final ReadinessEvaluation evaluation;
  private final AuditTrail audit;

  /** For the CDI container's proxy only. */
  protected ReadinessGate() {
    this(null, null);
  }

  @Inject
  public ReadinessGate(ReadinessEvaluation evaluation, AuditTrail audit) {
    this.evaluation = evaluation;
    this.audit = audit;
  }

  @Override
  public void check(Environment environment, String overrideReason) {
    if (!environment.production()) {
      return;
    }
    List<ReadinessReport.Item> blocking = evaluation.evaluate(environment).blocking();
    if (blocking.isEmpty()) {
      return;
    }
    List<InvalidValue.Violation> listed = blocking.stream().map(ReadinessGate::violation).toList();
    if (overrideReason == null || overrideReason.isBlank()) {
      throw new Unprocessable(
          "Production has "
              + blocking.size()
              + " open critical readiness finding(s); fix or suppress them, or publish with an"
              + " override reason",
          listed);
    }
    audit.success(
        AuditAction.READINESS_OVERRIDE,
        AuditTarget.of(environment),
        overrideReason.strip()
            + " (overriding "
            + String.join(", ", listed.stream().map(v -> v.field() + " " + v.rule()).toList())
            + ")");
  }

  private static InvalidValue.Violation violation(ReadinessReport.Item item) {
    ReadinessFinding finding = item.finding();
    return new InvalidValue.Violation(
        finding.key() == null ? finding.rule().id() : finding.key(),
        finding.rule().id() + ": " + finding.rule().message());
  }
}
