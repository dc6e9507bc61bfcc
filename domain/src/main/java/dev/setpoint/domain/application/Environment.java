package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One deployment target of an application (dev, staging, production, ...). */
@Entity
@Table(name = "environments")
public class Environment extends Tracked {

  /** The environments every new application starts with: slug, name, production flag. */
  record Template(String slug, String name, boolean production) {}

  static final List<Template> STANDARD =
      List.of(
          new Template("dev", "Development", false),
          new Template("staging", "Staging", false),
          new Template("production", "Production", true));

  /** The environments a new application starts with: dev, staging and production. */
  public static List<Environment> standard(Application application, Instant now) {
    return STANDARD.stream()
        .map(t -> new Environment(application, new Slug(t.slug()), t.name(), t.production(), now))
        .toList();
  }

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false, updatable = false)
  private Application application;

  @Column(name = "slug", nullable = false, updatable = false)
  private String slug;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "production", nullable = false)
  private boolean production;

  protected Environment() {}

  public Environment(
      Application application, Slug slug, String name, boolean production, Instant now) {
    super(now);
    Describable.check(name, null, null);
    this.application = application;
    this.slug = slug.value();
    this.name = name;
    this.production = production;
  }

  /** Renames the environment and sets whether it serves production traffic. */
  public void describe(String name, boolean production, Instant now) {
    Describable.check(name, null, null);
    this.name = name;
    this.production = production;
    touch(now);
  }

  public Application application() {
    return application;
  }

  public Slug slug() {
    return new Slug(slug);
  }

  /** How a caller names this environment. */
  public EnvironmentRef ref() {
    return new EnvironmentRef(application.slug(), slug());
  }

  public String name() {
    return name;
  }

  public boolean production() {
    return production;
  }
}
