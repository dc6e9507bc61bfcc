package dev.setpoint.domain.application;

import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import java.util.List;
import java.util.Optional;

/** Where applications are kept. */
public interface ApplicationRepository {

  Optional<Application> find(Slug slug);

  /**
   * The application with the slug {@code slug}.
   *
   * @throws NotFound when there is none
   */
  default Application named(Slug id) {
    return find(id).orElseThrow(() -> new NotFound("No application with slug '" + id + "'"));
  }

  /** Up to {@code page.limit() + 1} applications ordered by slug, after {@code page.after()}. */
  List<Application> list(PageRequest page);

  /** Like {@link #list}, restricted to the applications with these ids. */
  List<Application> listAmong(java.util.Set<java.util.UUID> ids, PageRequest page);

  /**
   * Stores a new or changed application and writes it through at once, so a duplicate slug is
   * reported as {@link dev.setpoint.domain.shared.Conflict} and a concurrent change as {@link
   * dev.setpoint.domain.shared.StaleVersion}.
   */
  void store(Application application);

  /** Removes the application together with its environments and settings. */
  void remove(Application application);
}
