package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An accepted finding: one rule (and key) in one environment, with the reason and an expiry after
 * which the finding counts again.
 */
@Entity
@Table(name = "readiness_suppressions")
public class Suppression extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "rule", nullable = false, updatable = false)
  private String rule;

  @Column(name = "setting_key", updatable = false)
  private String key;

  @Column(name = "reason", nullable = false, updatable = false)
  private String reason;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected Suppression() {}

  public Suppression(
      Environment environment,
      ReadinessRule rule,
      String key,
      String reason,
      Instant expiresAt,
      String createdBy,
      Instant now) {
    super(now);
    this.environment = environment;
    this.rule = rule.id();
    this.key = key;
    this.reason = reason;
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
  }

  public Environment environment() {
    return environment;
  }

  public String rule() {
    return rule;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public boolean activeAt(Instant now) {
    return expiresAt.isAfter(now);
  }

  /** Whether it covers a finding with this identity ({@code rule|key}). */
  public boolean covers(String identity) {
    return identity.equals(rule + "|" + (key == null ? "" : key));
  }
}
