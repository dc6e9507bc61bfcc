package dev.setpoint.domain.delivery;

import dev.setpoint.domain.access.Target;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.shared.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Loads the newest release of an environment as a {@link Snapshot} ready to serve. Internal to
 * delivery: {@link DeliveryService} decides who may have it.
 */
@ApplicationScoped
@Transactional
public class Snapshots {

  private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());

  private final EnvironmentService environments;
  private final ReleaseRepository releases;
  private final SecretRepository secrets;
  private final Envelope envelope;
  private final StagedRollouts stages;

  /** For the CDI container's proxy only. */
  protected Snapshots() {
    this(null, null, null, null);
  }

  /** Without staged rollouts: every environment serves its newest release to everyone. */
  public Snapshots(
      EnvironmentService environments,
      ReleaseRepository releases,
      SecretRepository secrets,
      Envelope envelope) {
    this(environments, releases, secrets, envelope, environmentId -> Optional.empty());
  }

  @Inject
  public Snapshots(
      EnvironmentService environments,
      ReleaseRepository releases,
      SecretRepository secrets,
      Envelope envelope,
      StagedRollouts stages) {
    this.environments = environments;
    this.releases = releases;
    this.secrets = secrets;
    this.envelope = envelope;
    this.stages = stages;
  }

  /**
   * The staged rollout of the environment's newest release {@code latest}, with its stable release
   * ready to serve; empty when the environment serves {@code latest} to everyone (no rollout, or
   * one of an older release that a newer publish superseded).
   */
  public Optional<Staging> staging(UUID environmentId, int latest) {
    return stages
        .stage(environmentId)
        .filter(stage -> stage.candidate() == latest)
        .flatMap(
            stage ->
                releases
                    .latest(environmentId)
                    .flatMap(newest -> releases.find(newest.environment(), stage.stable()))
                    .map(
                        stable ->
                            new Staging(
                                stage.rolloutId(),
                                stage.candidate(),
                                stage.percent(),
                                snapshotOf(stable.environment(), stable))));
  }

  /**
   * The newest release of an environment, ready to serve. Checks only that the caller can read the
   * environment; delivery loads it as Setpoint and then checks the caller's delivery right.
   */
  public Snapshot latest(EnvironmentRef where) {
    Environment environment = environments.get(where);
    Release release =
        releases
            .latest(environment)
            .orElseThrow(() -> noRelease(where, "no release yet; publish one first"));
    return snapshotOf(environment, release);
  }

  /**
   * Release {@code number} of an environment, ready to serve (a compatibility protocol's label or
   * version). Checks only that the caller can read the environment, as {@link #latest}.
   */
  public Snapshot numbered(EnvironmentRef where, int number) {
    Environment environment = environments.get(where);
    Release release =
        releases
            .find(environment, number)
            .orElseThrow(() -> noRelease(where, "no release " + number));
    return snapshotOf(environment, release);
  }

  /** The newest release of the environment with this id, or empty when it has none (or is gone). */
  public Optional<Snapshot> latest(UUID environmentId) {
    return releases.latest(environmentId).map(r -> snapshotOf(r.environment(), r));
  }

  private static NotFound noRelease(EnvironmentRef where, String which) {
    return new NotFound(
        "Environment '" + where.env() + "' of application '" + where.app() + "' has " + which);
  }

  /**
   * What an environment is, for access decisions: the environment, the application when it lacks
   * the environment, or empty when the application does not exist.
   */
  public Optional<Target> target(EnvironmentRef where) {
    return environments.accessTarget(where);
  }

  private Snapshot snapshotOf(Environment environment, Release release) {
    ReleaseContent content = release.content();
    Map<String, Snapshot.SealedSecret> sealed = new LinkedHashMap<>();
    List<String> leftOut = new ArrayList<>();
    content
        .secrets()
        .forEach(
            (key, version) ->
                secrets
                    .sealedVersion(environment, key, version)
                    .filter(v -> !v.secret().deleted())
                    .ifPresentOrElse(
                        v ->
                            sealed.put(
                                key,
                                new Snapshot.SealedSecret(
                                    version,
                                    v.encoding(),
                                    envelope.prepare(v.sealed(), v.place()))),
                        () -> leftOut.add(key)));
    String tag = leftOut.isEmpty() ? release.hash() : tagWithout(environment, release, leftOut);
    return new Snapshot(
        Target.of(environment),
        release.number(),
        tag,
        release.createdAt(),
        content.settings(),
        sealed);
  }

  /**
   * The same release served without the pinned secrets deleted or destroyed since is another
   * representation: it gets its own tag.
   */
  private static String tagWithout(Environment environment, Release release, List<String> leftOut) {
    LOG.warning(
        () ->
            "Release "
                + release.number()
                + " of "
                + environment.application().slug()
                + "/"
                + environment.slug()
                + " pins secrets deleted or destroyed since: "
                + leftOut
                + "; they are not served");
    return ReleaseContent.sha256(release.hash() + "\nwithout " + String.join(",", leftOut));
  }
}
