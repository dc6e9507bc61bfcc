package dev.setpoint.domain.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.audit.AuditService.Verification;
import dev.setpoint.domain.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the trail on every server: on a schedule it verifies the events appended since its last
 * look (the whole stored chain at start) and writes the head's sequence and hash to the audit log
 * stream. Once a head hash has left the building in a log line, rewriting the database cannot
 * rewrite it too: an event changed later no longer leads to a logged head. When a retention is set,
 * it also archives and prunes old events.
 */
@ApplicationScoped
public class AuditMonitor {

  private static final Logger LOG = Logger.getLogger(AuditMonitor.class.getName());

  @Inject AuditService audit;
  @Inject AuditRepository events;
  @Inject AuditConfig config;
  @Inject AuditStream stream;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final List<Future<?>> tasks = new ArrayList<>();
  private Position verified;
  private boolean broken;

  void onSchemaReady(@Observes SchemaReady ready) {
    long every = config.verifyIntervalSeconds();
    tasks.add(scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, every, TimeUnit.SECONDS));
    if (config.retention().isPresent()) {
      long hours = config.pruneIntervalHours();
      tasks.add(scheduler.scheduleWithFixedDelay(this::pruneQuietly, hours, hours, TimeUnit.HOURS));
    }
  }

  @PreDestroy
  void stop() {
    tasks.forEach(t -> t.cancel(false));
  }

  /**
   * Verifies the events appended since the last check and logs the head; returns the result. The
   * walk restarts from the checkpoint when a prune has moved it past the last verified event.
   */
  public synchronized Verification check() {
    Position checkpoint = events.checkpoint();
    if (verified == null || verified.sequence() < checkpoint.sequence()) {
      verified = checkpoint;
    }
    Verification result = audit.walk(verified, Long.MAX_VALUE, true);
    if (result.ok()) {
      verified = result.head();
      broken = false;
      stream.verified(verified, result.checked());
    } else if (!broken) {
      broken = true;
      LOG.severe(
          "The audit trail does not verify at sequence "
              + result.firstBrokenSequence()
              + " (last good: "
              + result.head().sequence()
              + " "
              + result.head().hash()
              + "); see the runbook in docs/operations.md");
    }
    return result;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Verifying the audit trail failed; retrying at the next interval", e);
    }
  }

  private void pruneQuietly() {
    try {
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
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Applying the audit retention failed; retrying at the next interval", e);
    }
  }
}
