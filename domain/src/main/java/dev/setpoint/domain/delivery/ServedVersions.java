package dev.setpoint.domain.delivery;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.secret.SecretUse;
import dev.setpoint.domain.secret.SecretVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Whether a previous secret version may still be in use, from what delivery has seen: the newest
 * release of its environment and the releases the instances seen since the version was written were
 * last served, and the stable release of a rollout under way (a rollback would serve it to every
 * instance again). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ServedVersions implements SecretUse {

  private final ReleaseRepository releases;
  private final ConsumerRepository consumers;
  private final StagedRollouts stages;

  /** For the CDI container's proxy only. */
  protected ServedVersions() {
    this(null, null, null);
  }

  @Inject
  public ServedVersions(
      ReleaseRepository releases, ConsumerRepository consumers, StagedRollouts stages) {
    this.releases = releases;
    this.consumers = consumers;
    this.stages = stages;
  }

  @Override
  public boolean stillUsed(SecretVersion previous) {
    Environment environment = previous.secret().environment();
    String key = previous.secret().key().value();
    Optional<Release> newest = releases.latest(environment);
    if (newest.isEmpty() || pins(newest.get(), key, previous.number())) {
      return true;
    }
    // a rollout under way may still send every instance back to its stable release
    if (stages
        .stage(environment.id())
        .flatMap(stage -> releases.find(environment, stage.stable()))
        .filter(stable -> pins(stable, key, previous.number()))
        .isPresent()) {
      return true;
    }
    List<Consumer> seen = consumers.consumersSeenSince(environment.id(), previous.createdAt());
    return seen.isEmpty()
        || seen.stream()
            .map(Consumer::releaseNumber)
            .distinct()
            .map(n -> releases.find(environment, n))
            .flatMap(Optional::stream)
            .anyMatch(r -> pins(r, key, previous.number()));
  }

  private static boolean pins(Release release, String key, int version) {
    Integer pinned = release.content().secrets().get(key);
    return pinned != null && pinned == version;
  }
}
