package dev.setpoint.domain.secret;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.DeliveryNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Destroys deleted secrets whose recovery window has ended. Internal background work of {@link
 * SecretHousekeeping}, not a use case: it decides no access.
 */
@ApplicationScoped
@Transactional
public class SecretPurge {

  private final SecretRepository secrets;
  private final DeliveryNotices notices;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SecretPurge() {
    this(null, null, null, null);
  }

  @Inject
  public SecretPurge(
      SecretRepository secrets, DeliveryNotices notices, AuditTrail audit, Clock clock) {
    this.clock = clock;
    this.secrets = secrets;
    this.notices = notices;
    this.audit = audit;
  }

  /** Destroys deleted secrets whose recovery window has ended; returns how many. */
  public int purgeExpired() {
    List<Secret> expired = secrets.purgeable(clock.instant());
    for (Secret secret : expired) {
      destroyVersions(secret, secrets, notices, clock.instant());
      audit.success(
          AuditAction.SECRET_PURGE,
          AuditTarget.of(secret.environment()).key(secret.key().value()),
          "its recovery window ended");
    }
    return expired.size();
  }

  /** Removes every ciphertext of a secret for good and tells delivery. */
  static void destroyVersions(
      Secret secret, SecretRepository secrets, DeliveryNotices notices, Instant now) {
    notices.changed(secret.environment().id());
    for (SecretVersion version : secrets.versions(secret)) {
      if (version.state() != SecretState.DESTROYED) {
        version.destroy(now);
        secrets.store(version);
      }
    }
  }
}
