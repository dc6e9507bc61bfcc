package dev.setpoint.web.health;

import dev.setpoint.domain.delivery.DeliveryService;
import dev.setpoint.domain.platform.StorageStatus;
import dev.setpoint.web.http.HttpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the schema is migrated and the database answers within the timeout. While the database
 * is unreachable but delivery holds cached releases, the server stays ready, reporting {@code
 * degraded}: running applications go on receiving their last release, and taking the server out of
 * rotation would only make a database blip an outage.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Inject StorageStatus storage;

  @Inject DeliveryService delivery;

  @Inject HttpConfig config;

  @Override
  public HealthCheckResponse call() {
    boolean schema = storage.schemaReady();
    boolean reachable = schema && storage.reachable(config.healthDbTimeoutSeconds());
    long cached = delivery.cachedReleases();
    boolean degraded = schema && !reachable && cached > 0;
    return HealthCheckResponse.named("setpoint-database")
        .status((schema && reachable) || degraded)
        .withData("schema", storage.describe())
        .withData("reachable", reachable)
        .withData("degraded", degraded)
        .withData("cachedReleases", cached)
        .build();
  }
}
