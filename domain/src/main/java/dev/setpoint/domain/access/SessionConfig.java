package dev.setpoint.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console sessions: how long one may go unused, how long it may last at most, and how often the
 * last uses are written.
 */
@ApplicationScoped
public class SessionConfig {

  static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  static final Duration DEFAULT_MAX_AGE = Duration.ofHours(12);

  private static final Logger LOG = Logger.getLogger(SessionConfig.class.getName());

  @Inject
  @ConfigProperty(name = "setpoint.session.idle-timeout", defaultValue = "PT30M")
  Duration idleTimeout;

  @Inject
  @ConfigProperty(name = "setpoint.session.max-age", defaultValue = "PT12H")
  Duration maxAge;

  @Inject
  @ConfigProperty(name = "setpoint.session.last-seen-flush-seconds", defaultValue = "10")
  long lastSeenFlushSeconds;

  @Inject
  @ConfigProperty(name = "setpoint.session.max-per-user", defaultValue = "20")
  int maxPerUser;

  /** For CDI, which injects the configured values into the fields. */
  public SessionConfig() {}

  /** Explicit settings, for tests. */
  public SessionConfig(Duration idleTimeout, Duration maxAge) {
    this.idleTimeout = idleTimeout;
    this.maxAge = maxAge;
    this.lastSeenFlushSeconds = 1;
    this.maxPerUser = 20;
  }

  /** The most sessions one user may hold; signing in beyond it ends the oldest. */
  public int maxPerUser() {
    return Math.max(1, maxPerUser);
  }

  /** The longest a session may go unused; never longer than {@link #maxAge()}. */
  public Duration idleTimeout() {
    Duration idle = positive(idleTimeout, "setpoint.session.idle-timeout", DEFAULT_IDLE);
    return idle.compareTo(maxAge()) > 0 ? maxAge() : idle;
  }

  /** The longest a session may last from its sign-in, however much it is used. */
  public Duration maxAge() {
    return positive(maxAge, "setpoint.session.max-age", DEFAULT_MAX_AGE);
  }

  /** How often the last uses of sessions are written (a use is not a write). */
  public Duration lastSeenFlush() {
    return Duration.ofSeconds(Math.max(1, lastSeenFlushSeconds));
  }

  private static Duration positive(Duration value, String key, Duration fallback) {
    if (value == null || value.isNegative() || value.isZero()) {
      LOG.warning(() -> key + " must be a positive duration; using " + fallback);
      return fallback;
    }
    return value;
  }
}
