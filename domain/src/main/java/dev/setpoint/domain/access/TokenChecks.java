package dev.setpoint.domain.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Service tokens this server recently found valid, so a delivery request does not read the database
 * each time. Every entry is forgotten when a token is revoked here, and on every server when its
 * change poll sees the revocation (within {@code setpoint.delivery.poll-interval}); the time to
 * live bounds it in any case. {@code setpoint.auth.token-cache-ttl=PT0S} turns it off.
 */
@ApplicationScoped
public class TokenChecks {

  /** A valid token's scope and expiry, by the hash of the token. */
  record Valid(TokenScope scope, Instant expiresAt) {}

  @Inject AccessConfig config;

  @Inject Clock clock;

  private Duration ttl;

  @Inject TokenUsage usage;

  private Cache<String, Valid> valid;

  /** For CDI, which injects the configured values into the fields. */
  public TokenChecks() {}

  /** Explicit settings, for tests. */
  public TokenChecks(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.usage = new TokenUsage();
    start();
  }

  @PostConstruct
  void init() {
    ttl = config.tokenCacheTtl();
    start();
  }

  private void start() {
    valid = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
  }

  /**
   * The scope of a token this server found valid recently and that has not expired since, noting
   * the use; empty when the store must be asked ({@link TokenService#check}). Outside any
   * transaction: this is the path of nearly every delivery request.
   */
  public Optional<TokenScope> recall(String presented) {
    if (ttl.isZero() || presented == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Valid> known = recall(TokenService.hash(presented), now);
    known.ifPresent(v -> usage.used(v.scope().tokenId(), now));
    return known.map(Valid::scope);
  }

  Optional<Valid> recall(String tokenHash, Instant now) {
    if (ttl.isZero()) {
      return Optional.empty();
    }
    Valid known = valid.getIfPresent(tokenHash);
    if (known == null || (known.expiresAt() != null && !now.isBefore(known.expiresAt()))) {
      return Optional.empty();
    }
    return Optional.of(known);
  }

  void remember(String tokenHash, Valid check) {
    if (!ttl.isZero()) {
      valid.put(tokenHash, check);
    }
  }

  /** Forgets every entry: a token may have been revoked (here or on another server). */
  public void forgetAll() {
    valid.invalidateAll();
  }
}
