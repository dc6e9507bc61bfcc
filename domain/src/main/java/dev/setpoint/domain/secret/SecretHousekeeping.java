package dev.setpoint.domain.secret;

import dev.setpoint.domain.shared.Timestamps;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * Background care of secrets: destroys deleted secrets whose recovery window ended (hourly, and
 * harmless to run on several servers at once), and reports how many secrets are overdue for
 * rotation as a gauge.
 */
@ApplicationScoped
public class SecretHousekeeping {

  private static final Logger LOG = Logger.getLogger(SecretHousekeeping.class.getName());

  @Inject SecretRepository secrets;

  @Inject SecretService service;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    scheduler.scheduleWithFixedDelay(this::purge, 5, 60, TimeUnit.MINUTES);
  }

  private void purge() {
    try {
      int destroyed = service.purgeExpired();
      if (destroyed > 0) {
        LOG.info(() -> "Destroyed " + destroyed + " secret(s) whose recovery window ended");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Purging expired deleted secrets failed; retrying next hour", e);
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
    var now = Timestamps.now();
    return secrets.withRotationPolicy().stream().filter(s -> s.rotationDue(now)).count();
  }
}
