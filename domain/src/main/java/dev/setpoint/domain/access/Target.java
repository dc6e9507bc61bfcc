package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditTarget;
import java.util.UUID;

/**
 * What an action is aimed at: an application, and one of its environments or (for application-wide
 * use cases such as setting definitions) none.
 *
 * @param label how the target is named in a denial, e.g. {@code shop/production}
 */
public record Target(UUID applicationId, UUID environmentId, boolean production, String label) {

  public static Target of(Application application) {
    return new Target(application.id(), null, false, application.slug().value());
  }

  public static Target of(Environment environment) {
    return new Target(
        environment.application().id(),
        environment.id(),
        environment.production(),
        environment.application().slug() + "/" + environment.slug());
  }

  /** The target as the audit trail names it. */
  public AuditTarget audited() {
    return AuditTarget.labelled(applicationId, label);
  }
}
