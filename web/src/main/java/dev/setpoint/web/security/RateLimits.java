package dev.setpoint.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Token buckets (Bucket4j), kept in bounded in-memory maps on each server: one per client address,
 * one per authenticated principal, and a much smaller one per address for failed sign-ins, checked
 * before any credential is verified so brute force stops costing even a password hash.
 */
@ApplicationScoped
public class RateLimits {

  /** The outcome of taking one request from a bucket. */
  public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds) {}

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.per-address", defaultValue = "1200")
  long perAddress;

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.per-principal", defaultValue = "600")
  long perPrincipal;

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.auth-failures", defaultValue = "10")
  long authFailures;

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.auth-failure-window", defaultValue = "PT15M")
  Duration authFailureWindow;

  @Inject MetricRegistry metrics;

  private Cache<String, Bucket> addresses;
  private Cache<String, Bucket> principals;
  private Cache<String, Bucket> failures;

  @PostConstruct
  void init() {
    addresses = buckets(MINUTE);
    principals = buckets(MINUTE);
    failures = buckets(authFailureWindow);
  }

  private static Cache<String, Bucket> buckets(Duration idle) {
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

  /** Whether this address may still present credentials (its failure budget is not spent). */
  public Verdict mayAuthenticate(String address) {
    if (!enabled) {
      return new Verdict(true, authFailures, authFailures, 0);
    }
    Bucket bucket = failureBucket(address);
    long remaining = bucket.getAvailableTokens();
    if (remaining > 0) {
      return new Verdict(true, authFailures, remaining, 0);
    }
    long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    count("auth-failures");
    return new Verdict(false, authFailures, 0, seconds(wait));
  }

  /** Spends one failed sign-in from the address's budget. */
  public void failed(String address) {
    if (enabled) {
      failureBucket(address).tryConsume(1);
    }
  }

  private Bucket failureBucket(String address) {
    return failures.get(address, a -> bucket(authFailures, authFailureWindow));
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
  private static Bucket bucket(long capacity, Duration period) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }

  private static long seconds(long nanos) {
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
