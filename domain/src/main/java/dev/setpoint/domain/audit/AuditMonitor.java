package dev.setpoint.domain.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.audit.AuditService.Verification;
import dev.setpoint.domain.platform.PeriodicTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Watches the trail on every server: on a schedule it verifies the events appended since its last
 * look (the whole stored chain at start) and writes the head's sequence and hash to the audit log
 * stream. Once a head hash has left the building in a log line, rewriting the database cannot
 * rewrite it too: an event changed later no longer leads to a logged head. {@link AuditRetention}
 * archives and prunes old events.
 */
@ApplicationScoped
public class AuditMonitor implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(AuditMonitor.class.getName());

  @Inject AuditService audit;
  @Inject AuditRepository events;
  @Inject AuditConfig config;
  @Inject AuditStream stream;

  private Position verified;
  private boolean broken;

  @Override
  public String name() {
    return "verifying the audit trail";
  }

  @Override
  public Duration initialDelay() {
    return Duration.ZERO;
  }

  @Override
  public Duration interval() {
    return Duration.ofSeconds(config.verifyIntervalSeconds());
  }

  @Override
  public void run() {
    check();
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
}
