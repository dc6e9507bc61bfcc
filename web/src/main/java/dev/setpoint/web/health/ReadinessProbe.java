package dev.setpoint.web.health;

import dev.setpoint.domain.platform.StorageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the schema is migrated and the database answers within the timeout. */
@Readiness
@ApplicationScoped
public class ReadinessProbe implements HealthCheck {

  @Inject StorageStatus storage;

  @Inject
  @ConfigProperty(name = "setpoint.health.db-timeout-seconds", defaultValue = "2")
  int timeoutSeconds;

  @Override
  public HealthCheckResponse call() {
    boolean schema = storage.schemaReady();
    boolean reachable = schema && storage.reachable(timeoutSeconds);
    return HealthCheckResponse.named("setpoint-database")
        .status(schema && reachable)
        .withData("schema", storage.describe())
        .withData("reachable", reachable)
        .build();
  }
}
