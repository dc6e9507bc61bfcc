package dev.setpoint.domain.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The secret policies operators can tune; every value can be overridden by the environment. */
@ApplicationScoped
public class SecretsConfig {

  /** What happens when a production secret reuses another environment's value. */
  public enum ReusePolicy {
    REJECT,
    WARN
  }

  @Inject
  @ConfigProperty(name = "setpoint.secrets.max-bytes", defaultValue = "65536")
  int maxBytes;

  @Inject
  @ConfigProperty(name = "setpoint.secrets.rotation-grace", defaultValue = "PT24H")
  Duration rotationGrace;

  @Inject
  @ConfigProperty(name = "setpoint.secrets.recovery-window", defaultValue = "P7D")
  Duration recoveryWindow;

  @Inject
  @ConfigProperty(name = "setpoint.secrets.reuse-policy", defaultValue = "REJECT")
  ReusePolicy reusePolicy;

  @Inject
  @ConfigProperty(name = "setpoint.secrets.early-retirement", defaultValue = "true")
  boolean earlyRetirement;

  /** For CDI, which injects the configured values into the fields. */
  public SecretsConfig() {}

  /** Explicit policies, for tests and tools that run without a container. */
  public SecretsConfig(
      int maxBytes, Duration rotationGrace, Duration recoveryWindow, ReusePolicy reusePolicy) {
    this.maxBytes = maxBytes;
    this.rotationGrace = rotationGrace;
    this.recoveryWindow = recoveryWindow;
    this.reusePolicy = reusePolicy;
    this.earlyRetirement = true;
  }

  /**
   * Whether a rotated secret's previous version is retired before its grace ends once no running
   * instance uses it.
   */
  public boolean earlyRetirement() {
    return earlyRetirement;
  }

  /** Largest secret value in bytes (after base64 decoding for binary values). */
  public int maxBytes() {
    return maxBytes;
  }

  /** How long the previous version stays valid after a rotation. */
  public Duration rotationGrace() {
    return rotationGrace;
  }

  /** How long a deleted secret can be recovered before it is destroyed. */
  public Duration recoveryWindow() {
    return recoveryWindow;
  }

  public ReusePolicy reusePolicy() {
    return reusePolicy;
  }
}
