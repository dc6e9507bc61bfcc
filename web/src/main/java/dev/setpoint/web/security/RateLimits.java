package dev.setpoint.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.setpoint.domain.platform.RateLimitConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Token buckets (Bucket4j), kept in bounded in-memory maps on each server: one per client address,
 * one per authenticated principal, and small ones for failed sign-ins (per account and address, per
 * account, per address), reserved before any credential is verified so brute force stops costing
 * even a password hash.
 */
@ApplicationScoped
public class RateLimits {

  /** The outcome of taking one request from a bucket. */
  public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds) {}

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Inject RateLimitConfig config;

  private boolean enabled;
  private long perAddress;
  private long perPrincipal;
  private long authFailures;

  @Inject MetricRegistry metrics;

  private Cache<String, Bucket> addresses;
  private Cache<String, Bucket> principals;
  private SignInBudgets signIns;

  @PostConstruct
  void init() {
    enabled = config.enabled();
    perAddress = config.perAddress();
    perPrincipal = config.perPrincipal();
    authFailures = config.authFailures();
    addresses = buckets(MINUTE);
    principals = buckets(MINUTE);
    signIns =
        new SignInBudgets(
            authFailures,
            config.authFailuresPerAccount(),
            config.authFailuresPerAddress(),
            config.authFailureWindow());
  }

  static Cache<String, Bucket> buckets(Duration idle) {
    return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle.plus(MINUTE)).build();
  }

  public boolean enabled() {
    return enabled;
  }

  /** Takes one request from the client address's budget. */
  public Verdict address(String address) {
    return take(addresses, address, perAddress, MINUTE, "address");
  }

  /** Takes one request from an authenticated principal's budget. */
  public Verdict principal(String principal) {
    return take(principals, principal, perPrincipal, MINUTE, "principal");
  }

  /**
   * A refusal when the named principal's budget is already spent, looked at (not taken) before its
   * password is checked, so a request that will be refused anyway costs no hash; else null.
   */
  public Verdict spentPrincipal(String principal) {
    if (!enabled) {
      return null;
    }
    Bucket bucket = principals.getIfPresent(principal);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return null;
    }
    count("principal");
    long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return new Verdict(false, perPrincipal, 0, seconds(wait));
  }

  /**
   * Reserves one failed sign-in before the credentials are checked ({@link SignInBudgets}); a
   * refusal is counted. {@code account} is null for bearer credentials, which {@code credential} (a
   * digest of the token) names instead.
   */
  public SignInBudgets.Attempt reserveSignIn(String account, String credential, String address) {
    if (!enabled) {
      return SignInBudgets.Attempt.unlimited(authFailures);
    }
    SignInBudgets.Attempt attempt = signIns.reserve(account, credential, address);
    if (!attempt.allowed()) {
      count("auth-failures");
    }
    return attempt;
  }

  private Verdict take(
      Cache<String, Bucket> buckets, String key, long capacity, Duration period, String scope) {
    if (!enabled) {
      return new Verdict(true, capacity, capacity, 0);
    }
    Bucket bucket = buckets.get(key, k -> bucket(capacity, period));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      count(scope);
    }
    long reset =
        probe.isConsumed()
            ? seconds(probe.getNanosToWaitForReset())
            : seconds(probe.getNanosToWaitForRefill());
    return new Verdict(probe.isConsumed(), capacity, probe.getRemainingTokens(), reset);
  }

  /** A bucket of {@code capacity} requests refilled evenly over {@code period}. */
  static Bucket bucket(long capacity, Duration period) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }

  static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private void count(String scope) {
    Counter counter =
        metrics.counter(
            org.eclipse.microprofile.metrics.Metadata.builder()
                .withName("setpoint.rate_limit.rejected")
                .withDescription("Requests refused with 429, by the budget that ran out.")
                .build(),
            new Tag("budget", scope));
    counter.inc();
  }
}
