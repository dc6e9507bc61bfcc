package dev.setpoint.domain.setting;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The value a setting takes in one environment, replacing the definition's default there. */
@Entity
@Table(name = "setting_overrides")
public class SettingOverride {

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "definition_id", nullable = false, updatable = false)
  private SettingDefinition definition;

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "setting_value", nullable = false)
  private String value;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SettingOverride() {}

  SettingOverride(SettingDefinition definition, Environment environment, String canonicalValue) {
    this.id = UUID.randomUUID();
    this.definition = definition;
    this.environment = environment;
    this.value = canonicalValue;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  /** Replaces the value with one already validated against the definition's type. */
  void change(String canonicalValue) {
    this.value = canonicalValue;
    this.updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
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
