package dev.setpoint.domain.audit;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import java.util.UUID;

/**
 * What an audit event is about, as names (they outlive what they name): an application and its id
 * (which decides who may read the event), an environment, a key, a version. Events about the
 * platform itself (users, platform roles, sign-ins) have no application and only platform admins
 * see them.
 */
public record AuditTarget(
    UUID applicationId, String application, String environment, String key, Integer version) {

  /** The platform as a whole. */
  public static final AuditTarget PLATFORM = new AuditTarget(null, null, null, null, null);

  public static AuditTarget of(Application application) {
    return new AuditTarget(application.id(), application.slug().value(), null, null, null);
  }

  public static AuditTarget of(Environment environment) {
    Application application = environment.application();
    return new AuditTarget(
        application.id(), application.slug().value(), environment.slug().value(), null, null);
  }

  /** From an application's id and a label {@code app} or {@code app/env} (an access target's). */
  public static AuditTarget labelled(UUID applicationId, String label) {
    String[] parts = label.split("/", 2);
    return new AuditTarget(applicationId, parts[0], parts.length > 1 ? parts[1] : null, null, null);
  }

  /** The same target narrowed to one key (a setting, a secret, a principal, a token). */
  public AuditTarget key(String name) {
    return new AuditTarget(applicationId, application, environment, name, version);
  }

  /** The same target narrowed to one version (of a secret, or a release number). */
  public AuditTarget version(int number) {
    return new AuditTarget(applicationId, application, environment, key, number);
  }
}
