package dev.setpoint.domain.rollout;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.delivery.Consumer;
import dev.setpoint.domain.delivery.ConsumerRepository;
import dev.setpoint.domain.platform.RolloutConfig;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.release.RollbackRelease;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.shared.DeliveryNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The transitions of a rollout, each recorded in the audit trail and announced to delivery on every
 * server in the same transaction: a step, a pause, a rollback (a new release with the stable
 * release's content, so every instance gets it with its next read or watch). Internal to the
 * rollout feature, not a use case: {@link Rollouts} decides who may ask, {@link RolloutProgress}
 * runs the background checks as Setpoint.
 */
@ApplicationScoped
@Transactional
public class RolloutSteps {

  private static final Logger LOG = Logger.getLogger(RolloutSteps.class.getName());

  /** Instances named in a check-in rollback's reason, at most. */
  private static final int NAMED = 5;

  @Inject RolloutRepository rollouts;
  @Inject ReleaseRepository releases;
  @Inject ReleasePublisher publisher;
  @Inject ConsumerRepository consumers;
  @Inject DeliveryNotices notices;
  @Inject AuditTrail audit;
  @Inject Access access;
  @Inject RolloutConfig config;
  @Inject Clock clock;
  @Inject ChangeControl control;

  /**
   * One look at a rollout under way: ended as superseded when a newer release went out, rolled back
   * when instances on the candidate stopped checking in, moved on when its bake time is over.
   */
  public void evaluate(UUID id) {
    Rollout rollout = rollouts.find(id).filter(r -> r.state().active()).orElse(null);
    if (rollout == null) {
      return;
    }
    Instant now = clock.instant();
    int newest = releases.latest(rollout.environment()).map(Release::number).orElse(0);
    if (newest != rollout.candidateRelease()) {
      rollout.supersede(now);
      record(rollout, AuditAction.ROLLOUT_SUPERSEDE, "by release " + newest);
      return;
    }
    if (rollout.stopsOn(StopCondition.CHECK_IN)) {
      Optional<String> lost = checkInLoss(rollout, now);
      if (lost.isPresent()) {
        stop(rollout, RolloutState.ROLLED_BACK, lost.get());
        return;
      }
    }
    if (rollout.state() == RolloutState.RUNNING && !now.isBefore(rollout.bakeEndsAt())) {
      advance(rollout);
    }
  }

  /**
   * Why instances that received the candidate count as stopped: seen on it, not for longer than the
   * detection time, while some other instance of the environment checked in within it.
   */
  Optional<String> checkInLoss(Rollout rollout, Instant now) {
    Instant fresh = now.minus(config.detection());
    List<Consumer> seen =
        consumers.consumersSeenSince(rollout.environment().id(), rollout.createdAt());
    List<String> stopped =
        seen.stream()
            .filter(c -> c.releaseNumber() == rollout.candidateRelease())
            .filter(c -> c.lastSeenAt().isBefore(fresh))
            .map(Consumer::instance)
            .sorted()
            .toList();
    boolean othersGoOn = seen.stream().anyMatch(c -> !c.lastSeenAt().isBefore(fresh));
    if (stopped.isEmpty() || !othersGoOn) {
      return Optional.empty();
    }
    return Optional.of(
        "check-in: "
            + stopped.size()
            + " instance(s) on release "
            + rollout.candidateRelease()
            + " stopped checking in for "
            + config.detection().toSeconds()
            + " s while others go on ("
            + String.join(", ", stopped.subList(0, Math.min(NAMED, stopped.size())))
            + (stopped.size() > NAMED ? ", …" : "")
            + ")");
  }

  /** Moves the rollout to its next step, or completes it after the last one. */
  void advance(Rollout rollout) {
    rollout.advance(clock.instant());
    if (rollout.state() == RolloutState.COMPLETED) {
      record(rollout, AuditAction.ROLLOUT_COMPLETE, "every instance on the candidate");
    } else {
      record(
          rollout,
          AuditAction.ROLLOUT_STEP,
          "step " + (rollout.stepIndex() + 1) + ": " + rollout.percent() + "%");
    }
  }

  void pause(Rollout rollout) {
    rollout.pause(clock.instant());
    record(rollout, AuditAction.ROLLOUT_PAUSE, "at " + rollout.percent() + "%");
  }

  void resume(Rollout rollout) {
    rollout.resume(clock.instant());
    record(rollout, AuditAction.ROLLOUT_RESUME, "at " + rollout.percent() + "%");
  }

  /**
   * Ends the rollout and returns every instance to the stable release: a new release with its
   * content, published by Setpoint, which every server's delivery serves to all instances from the
   * moment it commits. Webhooks are told (event {@code rollout.rolled-back}).
   */
  void stop(Rollout rollout, RolloutState how, String why) {
    rollout.stop(how, why, clock.instant());
    record(
        rollout,
        how == RolloutState.ABORTED ? AuditAction.ROLLOUT_ABORT : AuditAction.ROLLOUT_ROLLBACK,
        rollout.reason());
    Environment environment = rollout.environment();
    EnvironmentRef where = new EnvironmentRef(environment.application().slug(), environment.slug());
    String actor = access.actor();
    String message =
        (how == RolloutState.ABORTED ? "Abort" : "Rollback")
            + " of the rollout of release "
            + rollout.candidateRelease()
            + ": "
            + rollout.reason();
    // past the review policy: the stable release was in force before the rollout, and a rollback
    // that waited for approvals would not protect anything
    Release back =
        access.asSystem(
            () ->
                control.applying(
                    () ->
                        publisher.rollback(
                            new RollbackRelease(
                                where,
                                rollout.stableRelease(),
                                message.length() > Release.MAX_MESSAGE_LENGTH
                                    ? message.substring(0, Release.MAX_MESSAGE_LENGTH)
                                    : message,
                                actor))));
    LOG.warning(
        () ->
            "Rollout of release "
                + rollout.candidateRelease()
                + " of "
                + where
                + " "
                + how.wireName()
                + " ("
                + rollout.reason()
                + "): every instance gets release "
                + back.number()
                + " (the content of release "
                + rollout.stableRelease()
                + ")");
  }

  void record(Rollout rollout, AuditAction action, String detail) {
    rollouts.store(rollout);
    audit.success(
        action,
        AuditTarget.of(rollout.environment()).version(rollout.candidateRelease()),
        detail == null || detail.length() <= 900 ? detail : detail.substring(0, 900));
    notices.changed(rollout.environment().id());
  }
}
