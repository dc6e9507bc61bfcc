package dev.setpoint.web.application;

import dev.setpoint.api.application.ApplicationView;
import dev.setpoint.api.application.EnvironmentView;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;

/** Maps applications and environments to the records the API shows. */
final class ApplicationViews {

  private ApplicationViews() {}

  static ApplicationView of(Application a) {
    return new ApplicationView(
        a.slug().value(),
        a.name(),
        a.description(),
        a.owner(),
        a.version(),
        a.createdAt(),
        a.updatedAt());
  }

  static EnvironmentView of(Environment e) {
    return new EnvironmentView(
        e.slug().value(), e.name(), e.production(), e.version(), e.createdAt(), e.updatedAt());
  }
}
