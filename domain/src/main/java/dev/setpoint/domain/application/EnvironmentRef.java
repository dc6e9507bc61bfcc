package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.Slug;
import java.util.Objects;

/** An environment as a caller names it: the slug of its application and its own slug. */
public record EnvironmentRef(Slug app, Slug env) {

  public EnvironmentRef {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(env, "env");
  }

  /** The reference to environment {@code env} of application {@code app}, both valid slugs. */
  public static EnvironmentRef of(String app, String env) {
    return new EnvironmentRef(new Slug(app), new Slug(env));
  }

  /**
   * Parses both names as a caller gave them, the application's first, reporting a violation of
   * {@code app} or {@code env}; for use cases that answer a malformed name before any access
   * decision (delivery). Others parse through the catalog's {@code TargetNames}.
   */
  public static EnvironmentRef parse(String app, String env) {
    Slug application = Slug.of("app", app);
    return new EnvironmentRef(application, Slug.of("env", env));
  }

  @Override
  public String toString() {
    return app + "/" + env;
  }
}
