package dev.setpoint.domain.setting;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The value a setting takes in one environment, replacing the definition's default there. */
@Entity
@Table(name = "setting_overrides")
public class SettingOverride extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "definition_id", nullable = false, updatable = false)
  private SettingDefinition definition;

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "setting_value", nullable = false)
  private String value;

  protected SettingOverride() {}

  SettingOverride(
      SettingDefinition definition, Environment environment, String canonicalValue, Instant now) {
    super(now);
    this.definition = definition;
    this.environment = environment;
    this.value = canonicalValue;
  }

  /** Replaces the value with one already validated against the definition's type. */
  void change(String canonicalValue, Instant now) {
    this.value = canonicalValue;
    touch(now);
  }

  public SettingDefinition definition() {
    return definition;
  }

  public Environment environment() {
    return environment;
  }

  /** The canonical value text. */
  public String value() {
    return value;
  }
}
