package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One deployment target of an application (dev, staging, production, ...). */
@Entity
@Table(name = "environments")
public class Environment {

  /** The environments every new application starts with: slug, name, production flag. */
  record Template(String slug, String name, boolean production) {}

  static final List<Template> STANDARD =
      List.of(
          new Template("dev", "Development", false),
          new Template("staging", "Staging", false),
          new Template("production", "Production", true));

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false, updatable = false)
  private Application application;

  @Column(name = "slug", nullable = false, updatable = false)
  private String slug;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "production", nullable = false)
  private boolean production;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Environment() {}

  public Environment(Application application, Slug slug, String name, boolean production) {
    Describable.check(name, null, null);
    this.id = UUID.randomUUID();
    this.application = application;
    this.slug = slug.value();
    this.name = name;
    this.production = production;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  /** Renames the environment and sets whether it serves production traffic. */
  public void describe(String name, boolean production) {
    Describable.check(name, null, null);
    this.name = name;
    this.production = production;
    this.updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public Application application() {
    return application;
  }

  public Slug slug() {
    return new Slug(slug);
  }

  public String name() {
    return name;
  }

  public boolean production() {
    return production;
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
