package dev.setpoint.domain.release;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Use cases that read releases: one release, the history newest first, the difference between two
 * and the newest. Each needs the right to read the environment.
 */
@ApplicationScoped
@Transactional
public class ReleaseHistory {

  private final EnvironmentService environments;
  private final ReleaseRepository releases;

  /** For the CDI container's proxy only. */
  protected ReleaseHistory() {
    this(null, null);
  }

  @Inject
  public ReleaseHistory(EnvironmentService environments, ReleaseRepository releases) {
    this.environments = environments;
    this.releases = releases;
  }

  public Release get(EnvironmentRef where, int number) {
    return require(environments.get(where), number);
  }

  /** Releases newest first; {@code before} is the number the previous page ended with. */
  public Slice<Release> list(EnvironmentRef where, Integer before, int limit) {
    Environment environment = environments.get(where);
    return Slice.of(
        releases.list(environment, before, limit), limit, r -> Integer.toString(r.number()));
  }

  /** What changed from release {@code against} to release {@code number}. */
  public ReleaseContent.Diff diff(EnvironmentRef where, int number, int against) {
    Environment environment = environments.get(where);
    ReleaseContent now = require(environment, number).content();
    ReleaseContent before = require(environment, against).content();
    return now.diffAgainst(before);
  }

  /** The newest release of an environment, or empty when none was published. */
  public Optional<Release> latest(EnvironmentRef where) {
    return releases.latest(environments.get(where));
  }

  private Release require(Environment environment, int number) {
    return require(releases, environment, number);
  }

  /** Release {@code number} of an environment the caller was already checked for. */
  static Release require(ReleaseRepository releases, Environment environment, int number) {
    return releases
        .find(environment, number)
        .orElseThrow(
            () ->
                new NotFound("Environment '" + environment.slug() + "' has no release " + number));
  }
}
