package dev.setpoint.domain.readiness;

import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.platform.PeriodicTask;
import dev.setpoint.domain.platform.PeriodicTasks;
import dev.setpoint.domain.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps findings current: re-evaluates an environment shortly after every audited change to it (on
 * the server that made the change), and every environment on a schedule, run by one server per
 * round (a lease in {@code scheduler_leases}). Publishes the gauge {@code
 * setpoint_readiness_findings_open{severity}}.
 */
@ApplicationScoped
public class ReadinessMonitor implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(ReadinessMonitor.class.getName());
  private static final String HOLDER = "server-" + UUID.randomUUID();
  private static final Duration AFTER_CHANGE = Duration.ofMillis(200);

  @Inject ReadinessEvaluation readiness;

  @Inject MetricRegistry metrics;

  @Inject ReadinessConfig config;

  @Inject PeriodicTasks tasks;

  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> open = new ConcurrentHashMap<>();

  void onSchemaReady(@Observes SchemaReady ready) {
    for (Severity severity : Severity.values()) {
      metrics.gauge(
          Metadata.builder()
              .withName("setpoint.readiness.findings.open")
              .withDescription("Open, unsuppressed readiness findings over every environment.")
              .build(),
          open,
          counts -> counts.getOrDefault(severity.wireName(), 0L),
          new Tag("severity", severity.wireName()));
    }
  }

  @Override
  public String name() {
    return "the scheduled readiness evaluation";
  }

  @Override
  public Duration initialDelay() {
    return Duration.ofSeconds(5);
  }

  @Override
  public Duration interval() {
    return config.interval();
  }

  /**
   * After an audited change commits: evaluate what it touched, soon, off the request thread.
   * Nothing is read here: the observer runs while the transaction completes, where a read would
   * enlist a connection in a transaction that is ending (J2CA0026E in the log). One evaluation is
   * queued per application and environment however many changes a commit held (an import may hold
   * thousands).
   */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditTrail.Changed change) {
    AuditTarget target = change.target();
    if (target.applicationId() == null) {
      return;
    }
    String scope = target.applicationId() + "/" + target.environment();
    if (pending.add(scope)) {
      tasks.later(
          "evaluating a changed environment", AFTER_CHANGE, () -> evaluateAffected(scope, target));
    }
  }

  private void evaluateAffected(String scope, AuditTarget target) {
    pending.remove(scope);
    List<UUID> affected;
    try {
      affected = readiness.affectedBy(target);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Finding what a change affects failed; the schedule will catch up", e);
      return;
    }
    for (UUID id : affected) {
      readiness.evaluate(id);
    }
    refreshCounts();
  }

  /** One scheduled round: evaluates every environment if this server wins the lease. */
  @Override
  public void run() {
    Duration lease = Duration.ofSeconds(Math.max(1, config.interval().toSeconds() - 1));
    if (readiness.claimScheduledRun(HOLDER, lease)) {
      int evaluated = 0;
      for (UUID id : readiness.environmentIds()) {
        try {
          readiness.evaluate(id);
          evaluated++;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Evaluating readiness of environment " + id + " failed", e);
        }
      }
      int done = evaluated;
      LOG.fine(() -> "Scheduled readiness evaluation: " + done + " environment(s)");
    }
    refreshCounts();
  }

  private void refreshCounts() {
    Map<String, Long> counts = readiness.openCounts();
    for (Severity severity : Severity.values()) {
      open.put(severity.wireName(), counts.getOrDefault(severity.wireName(), 0L));
    }
  }
}
