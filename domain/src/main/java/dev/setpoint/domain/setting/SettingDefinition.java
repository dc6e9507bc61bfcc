package dev.setpoint.domain.setting;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.shared.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A setting an application declares once: its key, type, optional default and whether every
 * environment must end up with a value.
 */
@Entity
@Table(name = "setting_definitions")
public class SettingDefinition {

  @Id private UUID id;

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

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SettingDefinition() {}

  SettingDefinition(Application application, SettingKey key, SettingSpec spec) {
    this.id = UUID.randomUUID();
    this.application = application;
    this.key = key.value();
    this.createdAt = Timestamps.now();
    apply(spec);
  }

  /** Replaces type, default, description and required flag with an already validated spec. */
  void redefine(SettingSpec spec) {
    apply(spec);
  }

  private void apply(SettingSpec spec) {
    this.type = spec.type();
    this.defaultValue = spec.defaultValue();
    this.description = spec.description();
    this.required = spec.required();
    this.updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
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

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
