package dev.setpoint.domain.setting;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** Where setting definitions and their per-environment overrides are kept. */
public interface SettingRepository {

  Optional<SettingDefinition> findDefinition(Application application, SettingKey key);

  /** Up to {@code page.limit() + 1} definitions ordered by key, after {@code page.after()}. */
  List<SettingDefinition> definitions(Application application, PageRequest page);

  /** Stores a new or changed definition and writes it through at once. */
  void store(SettingDefinition definition);

  /** Removes a definition and every override of it. */
  void remove(SettingDefinition definition);

  Optional<SettingOverride> findOverride(SettingDefinition definition, Environment environment);

  /** Every override of one definition, across environments. */
  List<SettingOverride> overridesOf(SettingDefinition definition);

  /** The environments in which {@code definition} has an override (the overrides not loaded). */
  List<Environment> environmentsOverriding(SettingDefinition definition);

  /** The overrides given in {@code environment} for exactly these definitions. */
  List<SettingOverride> overridesIn(Environment environment, List<SettingDefinition> definitions);

  /** Stores a new or changed override and writes it through at once. */
  void store(SettingOverride override);

  void remove(SettingOverride override);
}
