package dev.setpoint.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit trail's settings; each can be overridden from the environment. */
@ApplicationScoped
public class AuditConfig {

  /** How often each server verifies the events appended since it last looked, and logs the head. */
  @Inject
  @ConfigProperty(name = "setpoint.audit.verify-interval-seconds", defaultValue = "300")
  long verifyIntervalSeconds;

  /** Events older than this are archived and pruned; unset keeps every event. */
  @Inject
  @ConfigProperty(name = "setpoint.audit.retention")
  Optional<Duration> retention;

  /** How often the retention job runs (when a retention is set). */
  @Inject
  @ConfigProperty(name = "setpoint.audit.prune-interval-hours", defaultValue = "24")
  long pruneIntervalHours;

  /** Where pruned events are archived as JSON Lines (relative to the server's directory). */
  @Inject
  @ConfigProperty(name = "setpoint.audit.archive-dir", defaultValue = "audit-archive")
  String archiveDir;

  /** How often counted deliveries of releases with secrets are appended as audit events. */
  @Inject
  @ConfigProperty(name = "setpoint.audit.delivery-flush-seconds", defaultValue = "10")
  long deliveryFlushSeconds;

  /** How often counted deliveries are appended. */
  public Duration deliveryFlush() {
    return Duration.ofSeconds(deliveryFlushSeconds);
  }

  public long verifyIntervalSeconds() {
    return verifyIntervalSeconds;
  }

  public Optional<Duration> retention() {
    return retention;
  }

  public long pruneIntervalHours() {
    return pruneIntervalHours;
  }

  public Path archiveDir() {
    return Path.of(archiveDir);
  }
}
