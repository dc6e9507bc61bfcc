package dev.setpoint.domain.release;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.Target;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretService;
import dev.setpoint.domain.secret.SecretState;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.ResolvedSetting;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * Use cases on releases: publish an environment's resolved configuration as an immutable numbered
 * release, read and compare releases, roll back, and load the newest release for delivery.
 */
@ApplicationScoped
@Transactional
public class ReleaseService {

  private static final Logger LOG = Logger.getLogger(ReleaseService.class.getName());

  private final EnvironmentService environments;
  private final SettingService settings;
  private final SecretRepository secrets;
  private final SecretService secretService;
  private final ReleaseRepository releases;
  private final Envelope envelope;
  private final DeliveryNotices notices;
  private final Access access;
  private final AuditTrail audit;
  private final PublishGate gate;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ReleaseService() {
    this(null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public ReleaseService(
      EnvironmentService environments,
      SettingService settings,
      SecretRepository secrets,
      SecretService secretService,
      ReleaseRepository releases,
      Envelope envelope,
      DeliveryNotices notices,
      Access access,
      AuditTrail audit,
      PublishGate gate,
      Clock clock) {
    this.clock = clock;
    this.environments = environments;
    this.settings = settings;
    this.secrets = secrets;
    this.secretService = secretService;
    this.releases = releases;
    this.envelope = envelope;
    this.notices = notices;
    this.access = access;
    this.audit = audit;
    this.gate = gate;
  }

  /**
   * Freezes the environment's resolved settings and the current version of each live secret into
   * the next release. Refused when a required setting has no value, or a key is both a setting and
   * a secret (a delivered release is one flat set of keys).
   */
  @Counted(
      name = "setpoint.releases.published",
      absolute = true,
      description = "Releases published, rollbacks included.")
  public Release publish(String app, String env, String message, String actor) {
    return publish(app, env, message, null, actor);
  }

  /**
   * Publishes as {@link #publish(String, String, String, String)}; to a production environment only
   * while no critical readiness finding is open, unless {@code overrideReason} says why it must go
   * out anyway (recorded in the audit trail).
   */
  @Counted(
      name = "setpoint.releases.published",
      absolute = true,
      description = "Releases published, rollbacks included.")
  public Release publish(
      String app, String env, String message, String overrideReason, String actor) {
    checkMessage(message);
    if (overrideReason != null && overrideReason.length() > ApiLimits.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          "overrideReason", "must be at most " + ApiLimits.MAX_MESSAGE_LENGTH + " characters");
    }
    Environment environment = environments.get(app, env);
    getAccess().require(Action.PUBLISH, environment);
    ReleaseContent content;
    try {
      content = currentContent(app, env, environment);
      getGate().check(environment, overrideReason);
    } catch (Unprocessable e) {
      getAudit().failed(AuditAction.RELEASE_PUBLISH, AuditTarget.of(environment), e.getMessage());
      throw e;
    }
    Release release = append(environment, content, message, actor, null);
    getAudit()
        .success(
            AuditAction.RELEASE_PUBLISH,
            AuditTarget.of(environment).version(release.number()),
            content.secrets().size() + " secrets, " + content.settings().size() + " settings");
    return release;
  }

  /** Publishes a new release with the content of release {@code number}. */
  @Counted(
      name = "setpoint.releases.published",
      absolute = true,
      description = "Releases published, rollbacks included.")
  public Release rollback(String app, String env, int number, String message, String actor) {
    checkMessage(message);
    Environment environment = environments.get(app, env);
    getAccess().require(Action.PUBLISH, environment);
    Release target = require(environment, number);
    ReleaseContent content = target.content();
    List<String> gone = new ArrayList<>();
    content
        .secrets()
        .forEach(
            (key, version) -> {
              if (pinned(environment, key, version)
                  .map(v -> v.stateAt(clock.instant()))
                  .filter(state -> state == SecretState.CURRENT || state == SecretState.PREVIOUS)
                  .isEmpty()) {
                gone.add(key + " (version " + version + ")");
              }
            });
    if (!gone.isEmpty()) {
      throw new Conflict(
          "Release "
              + number
              + " pins secret versions that have been retired or destroyed since (their"
              + " credentials may be revoked): "
              + String.join(", ", gone)
              + "; publish a new release instead");
    }
    String text = message == null ? "Rollback to release " + number : message;
    Release release = append(environment, content, text, actor, number);
    getAudit()
        .success(
            AuditAction.RELEASE_ROLLBACK,
            AuditTarget.of(environment).version(release.number()),
            "content of release " + number);
    return release;
  }

  public Release get(String app, String env, int number) {
    return require(environments.get(app, env), number);
  }

  /** Releases newest first; {@code before} is the number the previous page ended with. */
  public Slice<Release> list(String app, String env, Integer before, int limit) {
    Environment environment = environments.get(app, env);
    return Slice.of(
        releases.list(environment, before, limit), limit, r -> Integer.toString(r.number()));
  }

  /** What changed from release {@code against} to release {@code number}. */
  public ReleaseContent.Diff diff(String app, String env, int number, int against) {
    Environment environment = environments.get(app, env);
    ReleaseContent now = require(environment, number).content();
    ReleaseContent before = require(environment, against).content();
    return now.diffAgainst(before);
  }

  /**
   * The newest release of an environment, ready to serve. Checks only that the caller can read the
   * environment; delivery loads it as Setpoint and then checks the caller's delivery right.
   */
  public Snapshot snapshot(String app, String env) {
    Environment environment = environments.get(app, env);
    Release release =
        releases
            .latest(environment)
            .orElseThrow(
                () ->
                    new NotFound(
                        "Environment '"
                            + env
                            + "' of application '"
                            + app
                            + "' has no release yet; publish one first"));
    return snapshotOf(environment, release);
  }

  /**
   * What an environment is, for access decisions: the environment, the application when it lacks
   * the environment, or empty when the application does not exist.
   */
  public Optional<Target> target(String app, String env) {
    return environments.accessTarget(app, env);
  }

  /** The newest release of the environment with this id, or empty when it has none (or is gone). */
  public Optional<Snapshot> snapshot(UUID environmentId) {
    return releases.latest(environmentId).map(r -> snapshotOf(r.environment(), r));
  }

  /** The newest release's number in an environment, or empty when none was published. */
  public Optional<Release> latest(String app, String env) {
    return releases.latest(environments.get(app, env));
  }

  /** The running instances of an environment seen by delivery, ordered by instance id. */
  public Slice<Consumer> consumers(String app, String env, String after, int limit) {
    Environment environment = environments.get(app, env);
    return Slice.of(releases.consumers(environment, after, limit), limit, Consumer::instance);
  }

  /** Delivery changes recorded since {@code since}, for the poll that keeps caches fresh. */
  public List<DeliveryChange> changesSince(java.time.Instant since) {
    return releases.changesSince(since);
  }

  /** Stores a batch of consumer sightings gathered in memory. */
  public void recordConsumers(List<Consumer> seen) {
    releases.recordConsumers(seen);
  }

  /** Forgets change-log entries and consumers older than the given instants. */
  public void prune(java.time.Instant changesBefore, java.time.Instant consumersBefore) {
    int changes = releases.pruneChanges(changesBefore);
    int consumers = releases.pruneConsumers(consumersBefore);
    if (changes + consumers > 0) {
      LOG.fine(() -> "Pruned " + changes + " delivery changes and " + consumers + " consumers");
    }
  }

  /**
   * Retires, before their grace period ends, the versions replaced by a rotation that nothing uses
   * any more: the environment's newest release pins another version, delivery has seen instances of
   * the environment since the version was written, and each of them was last served a release that
   * does not pin it. Instances that stopped on such a release still count, so they can only delay
   * the retirement to the normal end of the grace period. An environment in which no instance was
   * seen keeps its grace periods: whoever reads its secrets, delivery does not know them. Returns
   * how many versions were retired.
   */
  public int retireUnusedPrevious() {
    int retired = 0;
    for (SecretVersion version : secrets.previousVersions(clock.instant())) {
      Environment environment = version.secret().environment();
      String key = version.secret().key().value();
      Optional<Release> newest = releases.latest(environment);
      if (newest.isEmpty() || pins(newest.get(), key, version.number())) {
        continue;
      }
      List<Consumer> seen = releases.consumersSeenSince(environment.id(), version.createdAt());
      boolean inUse =
          seen.isEmpty()
              || seen.stream()
                  .map(Consumer::releaseNumber)
                  .distinct()
                  .map(n -> releases.find(environment, n))
                  .flatMap(Optional::stream)
                  .anyMatch(r -> pins(r, key, version.number()));
      if (!inUse) {
        secretService.retireEarly(version);
        retired++;
        LOG.info(
            () ->
                "Retired version "
                    + version.number()
                    + " of secret '"
                    + key
                    + "' in "
                    + environment.application().slug()
                    + "/"
                    + environment.slug()
                    + " before its grace period ended: no running instance uses it any more");
      }
    }
    return retired;
  }

  private static boolean pins(Release release, String key, int version) {
    Integer pinned = release.content().secrets().get(key);
    return pinned != null && pinned == version;
  }

  private Release append(
      Environment environment,
      ReleaseContent content,
      String message,
      String actor,
      Integer rolledBackFrom) {
    int number = releases.latest(environment).map(Release::number).orElse(0) + 1;
    Release release =
        new Release(environment, number, content, message, actor, rolledBackFrom, clock.instant());
    releases.store(release);
    notices.changed(environment.id());
    LOG.info(
        () ->
            "Published release "
                + number
                + " of "
                + environment.application().slug()
                + "/"
                + environment.slug()
                + " ("
                + release.hash()
                + ")");
    return release;
  }

  /**
   * Whether the environment's current settings and secrets differ from its latest release (also
   * when they could not be released as they are); false when it has no release.
   */
  public boolean unpublished(Environment environment) {
    Optional<Release> latest = releases.latest(environment);
    if (latest.isEmpty()) {
      return false;
    }
    String app = environment.application().slug().value();
    String env = environment.slug().value();
    try {
      return !currentContent(app, env, environment).hash().equals(latest.get().content().hash());
    } catch (Unprocessable e) {
      return true;
    }
  }

  private ReleaseContent currentContent(String app, String env, Environment environment) {
    Map<String, ReleaseContent.SettingValue> values = new TreeMap<>();
    List<InvalidValue.Violation> problems = new ArrayList<>();
    for (ResolvedSetting setting : Pages.all(page -> settings.resolve(app, env, page))) {
      if (setting.missing()) {
        problems.add(
            new InvalidValue.Violation(
                setting.key().value(), "is required but has no value in '" + env + "'"));
      } else if (setting.value() != null) {
        values.put(
            setting.key().value(),
            new ReleaseContent.SettingValue(setting.type(), setting.value()));
      }
    }
    Map<String, Integer> versions = new TreeMap<>();
    for (Secret secret :
        Pages.all(
            page ->
                Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value()))) {
      if (secret.deleted() || secret.currentVersion() == 0) {
        continue;
      }
      String key = secret.key().value();
      if (values.containsKey(key)) {
        problems.add(
            new InvalidValue.Violation(
                key, "is both a setting and a secret; a release needs one value per key"));
      }
      versions.put(key, secret.currentVersion());
    }
    if (!problems.isEmpty()) {
      throw new Unprocessable(
          "Cannot publish '"
              + env
              + "': "
              + problems.size()
              + " key(s) are incomplete or ambiguous",
          problems);
    }
    return new ReleaseContent(values, versions);
  }

  private Snapshot snapshotOf(Environment environment, Release release) {
    ReleaseContent content = release.content();
    Map<String, Snapshot.SealedSecret> sealed = new LinkedHashMap<>();
    List<String> leftOut = new ArrayList<>();
    content
        .secrets()
        .forEach(
            (key, version) ->
                pinned(environment, key, version)
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
    String tag = release.hash();
    if (!leftOut.isEmpty()) {
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
      // the same release served without them is another representation: it gets its own tag
      tag = ReleaseContent.sha256(release.hash() + "\nwithout " + String.join(",", leftOut));
    }
    return new Snapshot(
        Target.of(environment),
        release.number(),
        tag,
        release.createdAt(),
        content.settings(),
        sealed);
  }

  /** The pinned version of a secret if its ciphertext still exists. */
  private Optional<SecretVersion> pinned(Environment environment, String key, int version) {
    return secrets
        .find(environment, new SettingKey(key))
        .flatMap(secret -> secrets.version(secret, version))
        .filter(v -> v.state() != SecretState.DESTROYED && v.sealed() != null);
  }

  private Release require(Environment environment, int number) {
    return releases
        .find(environment, number)
        .orElseThrow(
            () ->
                new NotFound("Environment '" + environment.slug() + "' has no release " + number));
  }

  private static void checkMessage(String message) {
    if (message != null && message.length() > Release.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          "message", "must be at most " + Release.MAX_MESSAGE_LENGTH + " characters");
    }
  }

  private Access getAccess() {
    return access;
  }

  private PublishGate getGate() {
    return gate;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
