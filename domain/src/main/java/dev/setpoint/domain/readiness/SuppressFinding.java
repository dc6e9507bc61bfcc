package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.EnvironmentRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts one readiness finding in environment {@code where} until {@code expiresAt}: the rule's
 * id, the key it concerns (null for every key), and why. Rule, reason and expiry are checked by the
 * use case, once the caller may edit the environment.
 */
public record SuppressFinding(
    EnvironmentRef where, String rule, String key, String reason, Instant expiresAt) {

  public SuppressFinding {
    Objects.requireNonNull(where, "where");
  }
}
