package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the environments of applications are kept. */
public interface EnvironmentRepository {

  Optional<Environment> find(Application application, Slug slug);

  /**
   * The environment {@code env} of {@code application}.
   *
   * @throws NotFound when it has none of that name
   */
  default Environment named(Application application, Slug id) {
    return find(application, id)
        .orElseThrow(
            () ->
                new NotFound(
                    "Application '" + application.slug() + "' has no environment '" + id + "'"));
  }

  /** Up to {@code page.limit() + 1} environments ordered by slug, after {@code page.after()}. */
  List<Environment> list(Application application, PageRequest page);

  /**
   * Stores a new or changed environment and writes it through at once (see ApplicationRepository).
   */
  /** The ids of every environment of an application, without loading them. */
  List<UUID> idsOf(Application application);

  /** The application's production environments (the ones the production rule guards). */
  List<Environment> productionOf(Application application);

  void store(Environment environment);

  /** Removes the environment together with the setting values given in it. */
  void remove(Environment environment);
}
