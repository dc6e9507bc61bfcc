package dev.setpoint.persistence.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The last sighting of one running instance of an environment. */
@Entity
@Table(name = "release_consumers")
public class ConsumerRow {

  @Id private UUID id;

  @Column(name = "environment_id", nullable = false, updatable = false)
  private UUID environmentId;

  @Column(name = "instance", nullable = false, updatable = false)
  private String instance;

  @Column(name = "release_number", nullable = false)
  private int releaseNumber;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  protected ConsumerRow() {}

  ConsumerRow(UUID environmentId, String instance, int releaseNumber, Instant lastSeenAt) {
    this.id = UUID.randomUUID();
    this.environmentId = environmentId;
    this.instance = instance;
    this.releaseNumber = releaseNumber;
    this.lastSeenAt = lastSeenAt;
  }

  UUID environmentId() {
    return environmentId;
  }

  String instance() {
    return instance;
  }

  int releaseNumber() {
    return releaseNumber;
  }

  Instant lastSeenAt() {
    return lastSeenAt;
  }
}
