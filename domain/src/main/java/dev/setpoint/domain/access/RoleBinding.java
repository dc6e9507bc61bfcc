package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
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
 * A role granted to a principal (a user name, or {@code group:<name>}) on everything (no
 * application), on one application (all its environments), or on one environment.
 */
@Entity
@Table(name = "role_bindings")
public class RoleBinding extends Tracked {

  @Column(name = "principal", nullable = false, updatable = false)
  private String principal;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, updatable = false)
  private Role role;

  @ManyToOne
  @JoinColumn(name = "application_id", updatable = false)
  private Application application;

  @ManyToOne
  @JoinColumn(name = "environment_id", updatable = false)
  private Environment environment;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  /**
   * Where the binding applies, as one value ({@code application id or *}/{@code environment id or
   * *}), so the database can hold each (principal, role, scope) once: unique constraints treat
   * nulls as distinct.
   */
  @Column(name = "scope_key", nullable = false, updatable = false)
  private String scopeKey;

  protected RoleBinding() {}

  /** A binding on {@code environment} when given, else on {@code application}, else everywhere. */
  public RoleBinding(
      String principal,
      Role role,
      Application application,
      Environment environment,
      String createdBy,
      Instant now) {
    super(now);
    this.principal = principal;
    this.role = role;
    this.environment = environment;
    this.application = environment != null ? environment.application() : application;
    this.createdBy = createdBy;
    this.scopeKey =
        (this.application == null ? "*" : this.application.id().toString())
            + "/"
            + (environment == null ? "*" : environment.id().toString());
  }

  public String principal() {
    return principal;
  }

  public Role role() {
    return role;
  }

  /** The application, or null for a platform-wide binding. */
  public Application application() {
    return application;
  }

  /** The environment, or null for a binding on a whole application (or everything). */
  public Environment environment() {
    return environment;
  }

  public String createdBy() {
    return createdBy;
  }

  public boolean platformWide() {
    return application == null;
  }

  /** Whether this binding applies to anything in the application with this id. */
  boolean touches(java.util.UUID applicationId) {
    return application == null || application.id().equals(applicationId);
  }

  /**
   * The role this binding gives for an action on the given application and (when not null)
   * environment, or null when it gives none.
   */
  Role grants(Target target, Action action) {
    if (application == null) {
      boolean explicitNeeded = action.productionSensitive() && target.production();
      return explicitNeeded && role != Role.ADMIN ? null : role;
    }
    if (!application.id().equals(target.applicationId())) {
      return null;
    }
    if (environment == null) {
      return action.productionSensitive() && target.production() ? null : role;
    }
    return environment.id().equals(target.environmentId()) ? role : null;
  }
}
