package dev.setpoint.domain.secret;

import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * Background care of secrets: destroys deleted secrets whose recovery window ended (hourly, and
 * harmless to run on several servers at once), and reports how many secrets are overdue for
 * rotation as a gauge.
 */
@ApplicationScoped
public class SecretHousekeeping implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(SecretHousekeeping.class.getName());

  @Inject SecretRepository secrets;

  @Inject SecretPurge secretPurge;

  @Inject Clock clock;

  @Override
  public String name() {
    return "purging deleted secrets whose recovery window ended";
  }

  @Override
  public Duration initialDelay() {
    return Duration.ofMinutes(5);
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(60);
  }

  @Override
  public void run() {
    int destroyed = secretPurge.purgeExpired();
    if (destroyed > 0) {
      LOG.info(() -> "Destroyed " + destroyed + " secret(s) whose recovery window ended");
    }
  }

  /** Secrets whose rotation policy's deadline has passed. */
  @Gauge(
      name = "setpoint.secrets.rotation.overdue",
      absolute = true,
      unit = "none",
      description = "Secrets whose rotation policy deadline has passed.")
  @Transactional
  public long overdue() {
    var now = clock.instant();
    return secrets.withRotationPolicy().stream().filter(s -> s.rotationDue(now)).count();
  }
}
