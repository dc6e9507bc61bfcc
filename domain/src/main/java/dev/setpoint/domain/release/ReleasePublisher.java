package dev.setpoint.domain.release;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretState;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * Use cases that publish: an environment's resolved configuration as the next immutable numbered
 * release, or the content of an older release again (rollback). Each announces the change to
 * delivery in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ReleasePublisher {

  private static final Logger LOG = Logger.getLogger(ReleasePublisher.class.getName());

  private final EnvironmentService environments;
  private final NextRelease next;
  private final SecretRepository secrets;
  private final ReleaseRepository releases;
  private final DeliveryNotices notices;
  private final Access access;
  private final AuditTrail audit;
  private final PublishGate gate;
  private final ChangeControl control;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ReleasePublisher() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public ReleasePublisher(
      EnvironmentService environments,
      NextRelease next,
      SecretRepository secrets,
      ReleaseRepository releases,
      DeliveryNotices notices,
      Access access,
      AuditTrail audit,
      PublishGate gate,
      ChangeControl control,
      Clock clock) {
    this.control = control;
    this.clock = clock;
    this.environments = environments;
    this.next = next;
    this.secrets = secrets;
    this.releases = releases;
    this.notices = notices;
    this.access = access;
    this.audit = audit;
    this.gate = gate;
  }

  /**
   * Freezes the environment's resolved settings and the current version of each live secret into
   * the next release. Refused when a required setting has no value, or a key is both a setting and
   * a secret (a delivered release is one flat set of keys). To a production environment only while
   * no critical readiness finding is open, unless the command's override reason says why it must go
   * out anyway (recorded in the audit trail).
   */
  @Counted(
      name = "setpoint.releases.published",
      absolute = true,
      description = "Releases published, rollbacks included.")
  public Release publish(PublishRelease command) {
    String message = command.message();
    String overrideReason = command.overrideReason();
    checkMessage(message);
    if (overrideReason != null && overrideReason.length() > ApiLimits.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          "overrideReason", "must be at most " + ApiLimits.MAX_MESSAGE_LENGTH + " characters");
    }
    Environment environment = environments.get(command.where());
    access.require(Action.PUBLISH, environment);
    control.requireDirect(environment);
    ReleaseContent content;
    try {
      content = next.content(environment);
      gate.check(environment, overrideReason);
    } catch (Unprocessable e) {
      audit.failed(AuditAction.RELEASE_PUBLISH, AuditTarget.of(environment), e.getMessage());
      throw e;
    }
    Release release = append(environment, content, message, command.actor(), null);
    audit.success(
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
  public Release rollback(RollbackRelease command) {
    String message = command.message();
    int number = command.number();
    checkMessage(message);
    Environment environment = environments.get(command.where());
    access.require(Action.PUBLISH, environment);
    control.requireDirect(environment);
    ReleaseContent content = ReleaseHistory.require(releases, environment, number).content();
    refuseRetiredPins(environment, number, content);
    String text = message == null ? "Rollback to release " + number : message;
    Release release = append(environment, content, text, command.actor(), number);
    audit.success(
        AuditAction.RELEASE_ROLLBACK,
        AuditTarget.of(environment).version(release.number()),
        "content of release " + number);
    return release;
  }

  /** A rollback may not bring back secret versions retired or destroyed since. */
  private void refuseRetiredPins(Environment environment, int number, ReleaseContent content) {
    List<String> gone = new ArrayList<>();
    content
        .secrets()
        .forEach(
            (key, version) -> {
              if (secrets
                  .sealedVersion(environment, key, version)
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

  private static void checkMessage(String message) {
    if (message != null && message.length() > Release.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          "message", "must be at most " + Release.MAX_MESSAGE_LENGTH + " characters");
    }
  }
}
