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
 * A finding as stored: open from the evaluation that first saw it until the first one that no
 * longer does. Kept after it is resolved, as history.
 */
@Entity
@Table(name = "readiness_findings")
public class ReadinessFinding extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "rule", nullable = false, updatable = false)
  private String rule;

  @Column(name = "setting_key", updatable = false)
  private String key;

  @Column(name = "severity", nullable = false, updatable = false)
  private String severity;

  @Column(name = "detail")
  private String detail;

  @Column(name = "first_seen_at", nullable = false, updatable = false)
  private Instant firstSeenAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected ReadinessFinding() {}

  public ReadinessFinding(Environment environment, Finding finding, Instant now) {
    super(now);
    this.environment = environment;
    this.rule = finding.rule().id();
    this.key = finding.key();
    this.severity = finding.rule().severity().wireName();
    this.detail = finding.detail();
    this.firstSeenAt = now;
  }

  public Environment environment() {
    return environment;
  }

  public ReadinessRule rule() {
    return ReadinessRule.byId(rule).orElseThrow();
  }

  public String key() {
    return key;
  }

  public String detail() {
    return detail;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  /** Whether a stored rule id is still one of the rules (rules can be retired). */
  public boolean known() {
    return ReadinessRule.byId(rule).isPresent();
  }

  public String identity() {
    return rule + "|" + (key == null ? "" : key);
  }

  void seenAgain(Finding finding, Instant now) {
    if (!java.util.Objects.equals(detail, finding.detail())) {
      detail = finding.detail();
      touch(now);
    }
  }

  void resolve(Instant at) {
    resolvedAt = at;
    touch(at);
  }
}
