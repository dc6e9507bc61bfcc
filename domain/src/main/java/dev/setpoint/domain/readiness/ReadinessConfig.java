package dev.setpoint.domain.readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often the readiness rules are applied on a schedule; can be overridden. */
@ApplicationScoped
public class ReadinessConfig {

  @Inject
  @ConfigProperty(name = "setpoint.readiness.interval-seconds", defaultValue = "900")
  long intervalSeconds;

  /** The pause between two scheduled evaluations of every environment. */
  public Duration interval() {
    return Duration.ofSeconds(intervalSeconds);
  }
}
