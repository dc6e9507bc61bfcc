package dev.setpoint.domain.setting;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A setting an application declares once: its key, type, optional default and whether every
 * environment must end up with a value.
 */
@Entity
@Table(name = "setting_definitions")
public class SettingDefinition extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false, updatable = false)
  private Application application;

  @Column(name = "setting_key", nullable = false, updatable = false)
  private String key;

  @Enumerated(EnumType.STRING)
  @Column(name = "value_type", nullable = false)
  private SettingType type;

  @Column(name = "default_value")
  private String defaultValue;

  @Column(name = "description")
  private String description;

  @Column(name = "required", nullable = false)
  private boolean required;

  protected SettingDefinition() {}

  SettingDefinition(Application application, SettingKey key, SettingSpec spec, Instant now) {
    super(now);
    this.application = application;
    this.key = key.value();
    apply(spec, now);
  }

  /** Replaces type, default, description and required flag with an already validated spec. */
  void redefine(SettingSpec spec, Instant now) {
    apply(spec, now);
  }

  private void apply(SettingSpec spec, Instant now) {
    this.type = spec.type();
    this.defaultValue = spec.defaultValue();
    this.description = spec.description();
    this.required = spec.required();
    touch(now);
  }

  public Application application() {
    return application;
  }

  public SettingKey key() {
    return new SettingKey(key);
  }

  public SettingType type() {
    return type;
  }

  /** The canonical default value text, or null when the definition has no default. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public boolean required() {
    return required;
  }
}
