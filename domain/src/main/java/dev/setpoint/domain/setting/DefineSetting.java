package dev.setpoint.domain.setting;

import dev.setpoint.domain.shared.Slug;
import java.util.Objects;

/**
 * Creates or replaces the definition of setting {@code key} of application {@code app}: its type
 * name, its default as JSON text (null for none), a description and whether a value is required.
 * The type and default are parsed by the use case, once the caller may write the application.
 */
public record DefineSetting(
    Slug app,
    SettingKey key,
    String type,
    String defaultJson,
    String description,
    Boolean required) {

  public DefineSetting {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(key, "key");
  }
}
