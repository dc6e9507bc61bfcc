package dev.setpoint.domain.audit;

import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/** When a retention is set: archives and prunes the audit events older than it, on a schedule. */
@ApplicationScoped
public class AuditRetention implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject AuditService audit;
  @Inject AuditConfig config;

  @Override
  public String name() {
    return "applying the audit retention";
  }

  @Override
  public boolean enabled() {
    return config.retention().isPresent();
  }

  @Override
  public Duration interval() {
    return Duration.ofHours(config.pruneIntervalHours());
  }

  @Override
  public void run() {
    audit
        .applyRetention()
        .filter(p -> p.events() > 0)
        .ifPresent(
            p ->
                LOG.info(
                    "Pruned "
                        + p.events()
                        + " audit events up to sequence "
                        + p.checkpoint().sequence()
                        + " into "
                        + p.archive()));
  }
}
