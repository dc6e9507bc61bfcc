package dev.setpoint.domain.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits the web edge applies, and which the self-check reports on; each can be overridden
 * from the environment ({@code SETPOINT_RATE_LIMIT_ENABLED}, ...).
 */
@ApplicationScoped
public class RateLimitConfig {

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

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.auth-failures-per-account", defaultValue = "50")
  long authFailuresPerAccount;

  @Inject
  @ConfigProperty(name = "setpoint.rate-limit.auth-failures-per-address", defaultValue = "100")
  long authFailuresPerAddress;

  /** Whether any rate limit applies. */
  public boolean enabled() {
    return enabled;
  }

  /** Requests per minute per client address, on each server. */
  public long perAddress() {
    return perAddress;
  }

  /** Requests per minute per user or service token, on each server. */
  public long perPrincipal() {
    return perPrincipal;
  }

  /** Failed sign-ins per account and client address per window. */
  public long authFailures() {
    return authFailures;
  }

  /** The window over which the sign-in budgets refill. */
  public Duration authFailureWindow() {
    return authFailureWindow;
  }

  /** Failed sign-ins per account from all addresses per window. */
  public long authFailuresPerAccount() {
    return authFailuresPerAccount;
  }

  /** Failed sign-ins per client address over all accounts per window. */
  public long authFailuresPerAddress() {
    return authFailuresPerAddress;
  }
}
