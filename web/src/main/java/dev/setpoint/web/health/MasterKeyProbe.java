package dev.setpoint.web.health;

import dev.setpoint.domain.secret.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the master keys that protect secrets are loaded. A missing or malformed key keeps the
 * server out of rotation instead of letting it accept secrets it could not protect.
 */
@Readiness
@ApplicationScoped
public class MasterKeyProbe implements HealthCheck {

  @Inject Envelope envelope;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("setpoint-master-key")
        .status(envelope.ready())
        .withData("keys", envelope.describe())
        .build();
  }
}
