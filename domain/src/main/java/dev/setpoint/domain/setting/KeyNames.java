package dev.setpoint.domain.setting;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.VisibleTargets;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Parses the setting or secret key a caller names, once, before a use case runs. A malformed key is
 * answered after the checks the use case makes before it looks the key up (the application visible,
 * the environment there, the {@code checks} in their order), so a caller who may not see or act on
 * the target gets the same answer for a malformed key as for a well-formed one.
 */
@ApplicationScoped
@Transactional
public class KeyNames {

  private final VisibleTargets targets;
  private final Access access;

  /** For the CDI container's proxy only. */
  protected KeyNames() {
    this(null, null);
  }

  @Inject
  public KeyNames(VisibleTargets targets, Access access) {
    this.targets = targets;
    this.access = access;
  }

  /** The key {@code key} on application {@code app}, checked with {@code checks} on it first. */
  public SettingKey on(Slug app, String key, Action... checks) {
    try {
      return SettingKey.of("key", key);
    } catch (InvalidValue malformed) {
      Application application = targets.application(app);
      for (Action check : checks) {
        access.require(check, application);
      }
      throw malformed;
    }
  }

  /** The key {@code key} in environment {@code where}, checked with {@code checks} on it first. */
  public SettingKey in(EnvironmentRef where, String key, Action... checks) {
    try {
      return SettingKey.of("key", key);
    } catch (InvalidValue malformed) {
      Environment environment = targets.environment(targets.application(where.app()), where.env());
      for (Action check : checks) {
        access.require(check, environment);
      }
      throw malformed;
    }
  }
}
