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

  @Override
  public String toString() {
    return app + "/" + env;
  }
}
