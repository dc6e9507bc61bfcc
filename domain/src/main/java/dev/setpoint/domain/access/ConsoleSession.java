package dev.setpoint.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A person signed in to the console: whose it is, and until when it may be used. Only the SHA-256
 * of the session id is stored (the id is 256 random bits, held by the browser in an {@code
 * HttpOnly} cookie), so the table cannot be used to sign in. Every server reads the row on every
 * request, so ending it ends it everywhere.
 */
@Entity
@Table(name = "console_sessions")
public class ConsoleSession {

  @Id private UUID id;

  @Column(name = "id_hash", nullable = false, updatable = false)
  private String idHash;

  @Column(name = "username", nullable = false, updatable = false)
  private String username;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "idle_timeout_seconds", nullable = false, updatable = false)
  private long idleTimeoutSeconds;

  @Column(name = "idle_expires_at", nullable = false)
  private Instant idleExpiresAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  /** For JPA only. */
  protected ConsoleSession() {}

  ConsoleSession(String idHash, String username, Instant now, Duration idle, Duration maxAge) {
    this.id = UUID.randomUUID();
    this.idHash = idHash;
    this.username = username;
    this.createdAt = now;
    this.lastSeenAt = now;
    this.idleTimeoutSeconds = idle.toSeconds();
    this.expiresAt = now.plus(maxAge);
    this.idleExpiresAt = endsAt(now);
  }

  /** Notes a use at {@code at} (an older one than the stored one changes nothing). */
  void seen(Instant at) {
    if (at.isAfter(lastSeenAt)) {
      lastSeenAt = at;
      idleExpiresAt = endsAt(at);
    }
  }

  public UUID id() {
    return id;
  }

  String idHash() {
    return idHash;
  }

  public String username() {
    return username;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The last use stored (uses are written in batches, so it may trail by one flush interval). */
  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  /** How long the session may go unused; fixed when it starts. */
  public Duration idleTimeout() {
    return Duration.ofSeconds(idleTimeoutSeconds);
  }

  /** The absolute end, whatever the use. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** When it ends if unused since {@code lastUse}: the idle timeout or the absolute end. */
  public Instant endsAt(Instant lastUse) {
    Instant idleEnd = lastUse.plus(idleTimeout());
    return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
  }

  /** Whether it has ended at {@code now}, last used at {@code lastUse}. */
  boolean endedAt(Instant now, Instant lastUse) {
    return !now.isBefore(endsAt(lastUse));
  }
}
