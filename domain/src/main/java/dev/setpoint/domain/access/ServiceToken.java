package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A credential for an application to read its delivered configuration. Only the SHA-256 of the
 * token is stored (the token itself is 256 random bits, so a fast hash cannot be brute-forced); the
 * token is shown once, when issued.
 */
@Entity
@Table(name = "service_tokens")
public class ServiceToken extends Tracked {

  @Column(name = "name", nullable = false, updatable = false)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false, updatable = false)
  private Application application;

  // a handful per token, shown with it in every list
  @ManyToMany(fetch = FetchType.EAGER)
  @JoinTable(
      name = "service_token_environments",
      joinColumns = @JoinColumn(name = "token_id"),
      inverseJoinColumns = @JoinColumn(name = "environment_id"))
  private Set<Environment> environments = new HashSet<>();

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(name = "display_prefix", nullable = false, updatable = false)
  private String displayPrefix;

  @Column(name = "expires_at", updatable = false)
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected ServiceToken() {}

  ServiceToken(
      String name,
      Application application,
      Set<Environment> environments,
      String tokenHash,
      String displayPrefix,
      Instant expiresAt,
      String createdBy,
      Instant now) {
    super(now);
    this.name = name;
    this.application = application;
    this.environments = new HashSet<>(environments);
    this.tokenHash = tokenHash;
    this.displayPrefix = displayPrefix;
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
  }

  public String name() {
    return name;
  }

  public Application application() {
    return application;
  }

  /** The environments, by slug. */
  public List<Environment> environments() {
    return environments.stream().sorted(Comparator.comparing(e -> e.slug().value())).toList();
  }

  /** The first characters of the token, enough to recognise it in a list. */
  public String displayPrefix() {
    return displayPrefix;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  TokenScope scope() {
    return new TokenScope(
        id(),
        application.id(),
        environments.stream().map(Environment::id).collect(Collectors.toSet()));
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
      touch(now);
    }
  }

  void used(Instant now) {
    lastUsedAt = now;
  }
}
