package dev.setpoint.domain.catalog;

import dev.setpoint.domain.access.VisibleTargets;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Parses the application and environment names a caller gives, once, before a use case runs. The
 * answers stay those of a lookup: a malformed application name is a violation of {@code app}; a
 * malformed environment name of an application the caller cannot see is not found, as a well-formed
 * one is, and otherwise a violation of {@code env}.
 */
@ApplicationScoped
@Transactional
public class TargetNames {

  private final VisibleTargets targets;

  /** For the CDI container's proxy only. */
  protected TargetNames() {
    this(null);
  }

  @Inject
  public TargetNames(VisibleTargets targets) {
    this.targets = targets;
  }

  /** The slug of application {@code app}. */
  public Slug application(String app) {
    return Slug.of("app", app);
  }

  /** The reference to environment {@code env} of application {@code app}. */
  public EnvironmentRef environment(String app, String env) {
    Slug application = application(app);
    Slug environment;
    try {
      environment = Slug.of("env", env);
    } catch (InvalidValue malformed) {
      targets.application(application);
      throw malformed;
    }
    return new EnvironmentRef(application, environment);
  }
}
