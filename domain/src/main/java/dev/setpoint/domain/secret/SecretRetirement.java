package dev.setpoint.domain.secret;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Retires, before their grace period ends, the versions replaced by a rotation that nothing uses
 * any more ({@link SecretUse}). Instances that stopped on a release pinning such a version still
 * count, so they can only delay the retirement to the normal end of the grace period; an
 * environment in which no instance was seen keeps its grace periods. Run by delivery after each
 * batch of consumer sightings; internal background work, not a use case.
 */
@ApplicationScoped
@Transactional
public class SecretRetirement {

  private static final Logger LOG = Logger.getLogger(SecretRetirement.class.getName());

  private final SecretRepository secrets;
  private final SecretUse use;
  private final AuditTrail audit;
  private final Counter retiredEarly;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SecretRetirement() {
    this(null, null, null, null, null);
  }

  @Inject
  public SecretRetirement(
      SecretRepository secrets,
      SecretUse use,
      AuditTrail audit,
      MetricRegistry metrics,
      Clock clock) {
    this.clock = clock;
    this.secrets = secrets;
    this.use = use;
    this.audit = audit;
    this.retiredEarly =
        metrics == null
            ? null
            : metrics.counter(
                Metadata.builder()
                    .withName("setpoint.secrets.retired.early")
                    .withDescription(
                        "Previous secret versions retired before their grace period ended.")
                    .build());
  }

  /** Retires the previous versions nothing uses any more; returns how many. */
  public int retireUnusedPrevious() {
    int retired = 0;
    for (SecretVersion version : secrets.previousVersions(clock.instant())) {
      if (!use.stillUsed(version)) {
        retire(version);
        retired++;
      }
    }
    return retired;
  }

  private void retire(SecretVersion version) {
    if (version.state() != SecretState.PREVIOUS) {
      return;
    }
    version.retire(clock.instant());
    secrets.store(version);
    if (retiredEarly != null) {
      retiredEarly.inc();
    }
    Secret secret = version.secret();
    audit.success(
        AuditAction.SECRET_RETIRE,
        AuditTarget.of(secret.environment()).key(secret.key().value()).version(version.number()),
        "no release uses it any more");
    LOG.info(
        () ->
            "Retired version "
                + version.number()
                + " of secret '"
                + secret.key().value()
                + "' in "
                + secret.environment().application().slug()
                + "/"
                + secret.environment().slug()
                + " before its grace period ended: no running instance uses it any more");
  }
}
