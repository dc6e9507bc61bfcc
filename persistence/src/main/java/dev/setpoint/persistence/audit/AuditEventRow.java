package dev.setpoint.persistence.audit;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditRecord;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code audit_events}: written once, never updated (every column is insert-only). */
@Entity
@Table(name = "audit_events")
public class AuditEventRow {

  @Id
  @Column(name = "sequence", updatable = false)
  private long sequence;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "actor", nullable = false, updatable = false)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false)
  private String action;

  @Column(name = "application_id", updatable = false)
  private UUID applicationId;

  @Column(name = "application", updatable = false)
  private String application;

  @Column(name = "environment", updatable = false)
  private String environment;

  @Column(name = "target_key", updatable = false)
  private String key;

  @Column(name = "target_version", updatable = false)
  private Integer version;

  @Column(name = "outcome", nullable = false, updatable = false)
  private String outcome;

  @Column(name = "client_address", updatable = false)
  private String clientAddress;

  @Column(name = "request_id", updatable = false)
  private String requestId;

  @Column(name = "detail", updatable = false)
  private String detail;

  @Column(name = "hash", nullable = false, updatable = false)
  private String hash;

  protected AuditEventRow() {}

  AuditEventRow(AuditEvent event) {
    AuditRecord record = event.record();
    AuditTarget target = record.target();
    this.sequence = event.sequence();
    this.recordedAt = record.at();
    this.actor = record.actor();
    this.action = record.action().wireName();
    this.applicationId = target.applicationId();
    this.application = target.application();
    this.environment = target.environment();
    this.key = target.key();
    this.version = target.version();
    this.outcome = record.outcome().wireName();
    this.clientAddress = record.clientAddress();
    this.requestId = record.requestId();
    this.detail = record.detail();
    this.hash = event.hash();
  }

  AuditEvent toEvent() {
    return new AuditEvent(
        sequence,
        new AuditRecord(
            recordedAt,
            actor,
            AuditAction.parse("action", action),
            new AuditTarget(applicationId, application, environment, key, version),
            Outcome.parse("outcome", outcome),
            clientAddress,
            requestId,
            detail),
        hash);
  }

  Instant recordedAt() {
    return recordedAt;
  }
}
