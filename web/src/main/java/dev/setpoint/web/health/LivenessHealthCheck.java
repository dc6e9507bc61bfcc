package dev.setpoint.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the JVM can still run application code. It checks nothing external on purpose, so a
 * database outage or heavy load never gets a healthy process restarted.
 */
@Liveness
@ApplicationScoped
public class LivenessHealthCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("setpoint-live").up().build();
  }
}
