package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An application whose configuration Setpoint keeps; the root of its environments and settings. */
@Entity
@Table(name = "applications")
public class Application {

  @Id private UUID id;

  @Column(name = "slug", nullable = false, updatable = false)
  private String slug;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "description")
  private String description;

  @Column(name = "owner")
  private String owner;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Application() {}

  public Application(Slug slug, String name, String description, String owner) {
    Describable.check(name, description, owner);
    this.id = UUID.randomUUID();
    this.slug = slug.value();
    this.name = name;
    this.description = description;
    this.owner = owner;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  /** Replaces the descriptive fields; the slug never changes. */
  public void describe(String name, String description, String owner) {
    Describable.check(name, description, owner);
    this.name = name;
    this.description = description;
    this.owner = owner;
    this.updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public Slug slug() {
    return new Slug(slug);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String owner() {
    return owner;
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
