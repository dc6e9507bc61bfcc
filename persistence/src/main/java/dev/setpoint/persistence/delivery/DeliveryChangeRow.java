package dev.setpoint.persistence.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the delivery change log. It names the environment without a foreign key, because a
 * removed environment must still be announced.
 */
@Entity
@Table(name = "delivery_changes")
public class DeliveryChangeRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "sequence")
  private Long sequence;

  @Column(name = "environment_id", nullable = false, updatable = false)
  private UUID environmentId;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  protected DeliveryChangeRow() {}

  DeliveryChangeRow(UUID environmentId, Instant changedAt) {
    this.environmentId = environmentId;
    this.changedAt = changedAt;
  }

  Long sequence() {
    return sequence;
  }

  UUID environmentId() {
    return environmentId;
  }

  Instant changedAt() {
    return changedAt;
  }
}
