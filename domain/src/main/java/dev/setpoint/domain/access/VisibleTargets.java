package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The application or environment a caller names, found and checked for visibility (one it cannot
 * see is {@link NotFound}, as one that does not exist); use cases then check their own action.
 */
@ApplicationScoped
public class VisibleTargets {

  private final ApplicationRepository applications;
  private final EnvironmentRepository environments;
  private final Access access;

  /** For the CDI container's proxy only. */
  protected VisibleTargets() {
    this(null, null, null);
  }

  @Inject
  public VisibleTargets(
      ApplicationRepository applications, EnvironmentRepository environments, Access access) {
    this.applications = applications;
    this.environments = environments;
    this.access = access;
  }

  /** The application {@code slug}, when the caller can see it. */
  public Application application(Slug slug) {
    access.requireAuthenticated();
    Application application = applications.named(slug);
    access.requireVisible(application);
    return application;
  }

  /** The environment {@code env} of an application already found with {@link #application}. */
  public Environment environment(Application application, Slug env) {
    return environments.named(application, env);
  }
}
