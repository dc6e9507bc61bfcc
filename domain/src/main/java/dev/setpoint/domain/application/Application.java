package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An application whose configuration Setpoint keeps; the root of its environments and settings. */
@Entity
@Table(name = "applications")
public class Application extends Tracked {

  @Column(name = "slug", nullable = false, updatable = false)
  private String slug;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "description")
  private String description;

  @Column(name = "owner")
  private String owner;

  protected Application() {}

  public Application(Slug slug, String name, String description, String owner, Instant now) {
    super(now);
    Describable.check(name, description, owner);
    this.slug = slug.value();
    this.name = name;
    this.description = description;
    this.owner = owner;
  }

  /** Replaces the descriptive fields; the slug never changes. */
  public void describe(String name, String description, String owner, Instant now) {
    Describable.check(name, description, owner);
    this.name = name;
    this.description = description;
    this.owner = owner;
    touch(now);
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
}
