package dev.setpoint.web.health;

import dev.setpoint.domain.platform.StorageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Startup: the database migrations have been applied. */
@Startup
@ApplicationScoped
public class MigrationsHealthCheck implements HealthCheck {

  @Inject StorageStatus storage;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("setpoint-migrations")
        .status(storage.schemaReady())
        .withData("schema", storage.describe())
        .build();
  }
}
