package dev.setpoint.web.health;

import dev.setpoint.domain.platform.StorageStatus;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.MasterKeyRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the master keys that protect secrets are loaded, and every key that wraps a stored
 * data key is among them. A missing, malformed or wrong key keeps the server out of rotation
 * instead of letting it accept or serve secrets it cannot protect.
 */
@Readiness
@ApplicationScoped
public class MasterKeyHealthCheck implements HealthCheck {

  @Inject Envelope envelope;

  @Inject MasterKeyRotation keys;

  @Inject StorageStatus storage;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("setpoint-master-key");
    if (!envelope.ready()) {
      return response.down().withData("keys", envelope.describe()).build();
    }
    List<String> missing;
    try {
      missing = storage.schemaReady() ? keys.missingKeyIds() : List.of();
    } catch (RuntimeException e) {
      // the database check reports the outage; the keys themselves are loaded
      return response
          .up()
          .withData("keys", envelope.describe())
          .withData("inUse", "unknown: the database cannot be read")
          .build();
    }
    if (!missing.isEmpty()) {
      return response
          .down()
          .withData("keys", envelope.describe())
          .withData("missing", "stored data keys are wrapped by keys not loaded: " + missing)
          .build();
    }
    return response.up().withData("keys", envelope.describe()).build();
  }
}
