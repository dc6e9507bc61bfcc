package dev.setpoint.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A person signed in to the console: whose it is, and until when it may be used. Only the SHA-256
 * of the session id is stored (the id is 256 random bits, held by the browser in an {@code
 * HttpOnly} cookie), so the table cannot be used to sign in. Every server reads the row on every
 * request, so ending it ends it everywhere. A session started through the OpenID Connect provider
 * keeps the person's provider name and the groups the provider asserted at sign-in.
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

  /** How the person signed in: {@code password} (built-in store) or {@code oidc}. */
  @Column(name = "method", nullable = false, updatable = false)
  private String method;

  /** The provider's groups at sign-in, one per line (a group holds no control character). */
  @Column(name = "provider_groups", updatable = false)
  private String providerGroups;

  /** The longest user name a session holds (the column's width). */
  public static final int MAX_USERNAME = 64;

  /** How a session was started. */
  public static final String PASSWORD = "password";

  public static final String OPENID_CONNECT = "oidc";

  /** For JPA only. */
  protected ConsoleSession() {}

  ConsoleSession(String idHash, Caller caller, Instant now, Duration idle, Duration maxAge) {
    this.id = UUID.randomUUID();
    this.idHash = idHash;
    this.username = caller.name();
    this.method = caller.builtIn() ? PASSWORD : OPENID_CONNECT;
    this.providerGroups =
        caller.builtIn() ? null : String.join("\n", new TreeSet<>(caller.groups()));
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

  /** How the person signed in: {@link #PASSWORD} or {@link #OPENID_CONNECT}. */
  public String method() {
    return method;
  }

  /** The person this session signs in: a built-in user, or the provider's with its groups. */
  public Caller caller() {
    if (!OPENID_CONNECT.equals(method)) {
      return Caller.builtInUser(username);
    }
    Set<String> groups =
        providerGroups == null || providerGroups.isEmpty()
            ? Set.of()
            : Set.copyOf(Arrays.asList(providerGroups.split("\n")));
    return Caller.user(username, groups);
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
