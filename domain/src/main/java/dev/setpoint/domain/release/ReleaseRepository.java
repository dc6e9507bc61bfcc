package dev.setpoint.domain.release;

import dev.setpoint.domain.application.Environment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where releases are kept. */
public interface ReleaseRepository {

  /** The newest release of an environment. */
  Optional<Release> latest(Environment environment);

  /** The newest release of the environment with this id. */
  Optional<Release> latest(UUID environmentId);

  Optional<Release> find(Environment environment, int number);

  /** Up to {@code limit + 1} releases, newest first, numbered below {@code before} when given. */
  List<Release> list(Environment environment, Integer before, int limit);

  /** Stores a new release. */
  void store(Release release);
}
