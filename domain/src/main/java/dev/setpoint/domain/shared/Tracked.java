package dev.setpoint.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What every stored aggregate carries: a generated id, an optimistic-concurrency version (the
 * source of its ETag), and when it was created and last changed.
 */
@MappedSuperclass
public abstract class Tracked {

  @Id private UUID id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** For JPA only. */
  protected Tracked() {}

  /** Starts a new aggregate: a fresh id, created and updated now. */
  protected Tracked(Instant now) {
    this.id = UUID.randomUUID();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Records that the aggregate changed at {@code now}. */
  protected void touch(Instant now) {
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
