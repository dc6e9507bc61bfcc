package dev.setpoint.domain.transfer;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.platform.WorkingSet;
import dev.setpoint.domain.secret.SecretWriter;
import dev.setpoint.domain.secret.WriteSecret;
import dev.setpoint.domain.setting.DefineSetting;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Applies a plan through the setting and secret use cases, in the caller's transaction: each change
 * is checked, authorized and audited by them, and any failure rolls the whole plan back. Internal:
 * it decides no access of its own, so it is only called by this package's use cases, once they have
 * made their checks.
 */
@ApplicationScoped
public class PlanApplication {

  /**
   * Writes between two releases of the working set. Every flush checks each entity held (the use
   * cases flush before their queries and the audit trail after each event), so a smaller set is
   * cheaper per write; reloading after a release costs a few lookups.
   */
  static final int BATCH = 20;

  private final SettingService settings;
  private final SecretWriter secrets;
  private final Access access;
  private final WorkingSet workingSet;

  /** For the CDI container's proxy only. */
  protected PlanApplication() {
    this(null, null, null, null);
  }

  @Inject
  public PlanApplication(
      SettingService settings, SecretWriter secrets, Access access, WorkingSet workingSet) {
    this.settings = settings;
    this.secrets = secrets;
    this.access = access;
    this.workingSet = workingSet;
  }

  /**
   * Writes every added or changed item of {@code plan} for application {@code app}. A plan with
   * refused items is refused whole (422 naming each key and reason) unless {@code skipRefused}.
   */
  void apply(Slug app, List<PlannedWrite> plan, boolean skipRefused) {
    List<InvalidValue.Violation> refused =
        plan.stream()
            .map(PlannedWrite::item)
            .filter(i -> i.outcome() == PlanItem.Outcome.REFUSED)
            .map(i -> new InvalidValue.Violation(where(i), i.reason()))
            .toList();
    if (!refused.isEmpty() && !skipRefused) {
      throw new Unprocessable(
          refused.size()
              + " key(s) cannot be imported as they are; fix them, give their type, or apply"
              + " with skipRefused=true to leave them out",
          refused);
    }
    int written = 0;
    for (PlannedWrite write : plan) {
      if (write.item().writes()) {
        write(app, write);
        if (++written % BATCH == 0) {
          workingSet.release(); // each use case loads again what it needs
        }
      }
    }
  }

  private void write(Slug app, PlannedWrite write) {
    PlanItem item = write.item();
    SettingKey key = new SettingKey(item.key());
    if (item.kind() == PlanItem.Kind.SECRET) {
      EnvironmentRef where = new EnvironmentRef(app, new Slug(item.environment()));
      secrets.write(new WriteSecret(where, key, write.payload(), null, access.actor()), null);
      return;
    }
    if (item.environment() == null) {
      String description = write.description();
      Boolean required = write.required();
      if (!item.defines() && required == null) {
        SettingDefinition existing = settings.definition(app, key);
        description = existing.description();
        required = existing.required();
      }
      settings.define(
          new DefineSetting(
              app, key, item.type().wireName(), write.payload(), description, required),
          Precondition.none());
      return;
    }
    if (item.defines()) {
      settings.define(
          new DefineSetting(app, key, item.type().wireName(), null, null, null),
          Precondition.none());
    }
    EnvironmentRef where = new EnvironmentRef(app, new Slug(item.environment()));
    settings.override(where, key, write.payload(), Precondition.none());
  }

  private static String where(PlanItem item) {
    return (item.environment() == null ? "defaults" : item.environment()) + "." + item.key();
  }
}
