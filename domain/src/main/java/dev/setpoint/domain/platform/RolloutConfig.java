package dev.setpoint.domain.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How staged rollouts are watched; each can be overridden from the environment ({@code
 * SETPOINT_ROLLOUTS_DETECTION_SECONDS}, {@code SETPOINT_ROLLOUTS_EVALUATE_MILLIS}).
 */
@ApplicationScoped
public class RolloutConfig {

  @Inject
  @ConfigProperty(name = "setpoint.rollouts.detection-seconds", defaultValue = "90")
  long detectionSeconds;

  @Inject
  @ConfigProperty(name = "setpoint.rollouts.evaluate-millis", defaultValue = "1000")
  long evaluateMillis;

  /** For CDI, which injects the configured values into the fields. */
  public RolloutConfig() {}

  /** Explicit settings, for tests. */
  public RolloutConfig(Duration detection, Duration evaluate) {
    this.detectionSeconds = detection.toSeconds();
    this.evaluateMillis = evaluate.toMillis();
  }

  /**
   * How long an instance on the new release may go without checking in before it counts as stopped.
   * Keep it above the longest watch (60 s) plus the consumer flush interval, so a watching instance
   * is never taken for a crashed one.
   */
  public Duration detection() {
    return Duration.ofSeconds(Math.max(1, detectionSeconds));
  }

  /** How often each server looks at the rollouts under way (bake times, stop conditions). */
  public Duration evaluate() {
    return Duration.ofMillis(Math.max(50, evaluateMillis));
  }
}
