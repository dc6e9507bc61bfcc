package dev.setpoint.domain.rollout;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.Target;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.delivery.Consumer;
import dev.setpoint.domain.delivery.ConsumerLog;
import dev.setpoint.domain.delivery.ConsumerRepository;
import dev.setpoint.domain.release.PublishRelease;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Use cases of staged rollouts: publish a release in steps, see how far a rollout got, pause,
 * resume, advance or abort it (releasers), and the signals that roll it back: a running instance's
 * health report (its service token) and firing alerts (any caller, for the environments it may
 * receive).
 */
@ApplicationScoped
@Transactional
public class Rollouts {

  private static final Logger LOG = Logger.getLogger(Rollouts.class.getName());

  /** Alert labels that name the application and the environment whose rollout an alert stops. */
  public static final String APPLICATION_LABEL = "setpoint_application";

  public static final String ENVIRONMENT_LABEL = "setpoint_environment";

  @Inject EnvironmentService environments;
  @Inject RolloutRepository rollouts;
  @Inject RolloutSteps steps;
  @Inject ReleasePublisher publisher;
  @Inject ReleaseRepository releases;
  @Inject ConsumerRepository consumers;
  @Inject ConsumerLog sightings;
  @Inject Access access;
  @Inject Clock clock;

  /** A rollout an alert rolled back. */
  public record RolledBack(String application, String environment, int release) {}

  /** A firing alert's labels. */
  public record FiringAlert(Map<String, String> labels) {}

  /**
   * Publishes the environment's next release (as {@link ReleasePublisher#publish} does) and starts
   * rolling it out by {@code plan}: the instances of the first step get it, the others keep the
   * current release. Refused (409) while another rollout is under way or before a first release.
   */
  public Release publish(PublishRelease command, RolloutPlan plan) {
    Environment environment = environments.get(command.where());
    access.require(Action.PUBLISH, environment);
    rollouts
        .active(environment.id())
        .ifPresent(
            r -> {
              throw new Conflict(
                  "Release "
                      + r.candidateRelease()
                      + " is being rolled out; advance, abort or wait for that rollout first");
            });
    Release stable =
        releases
            .latest(environment)
            .orElseThrow(
                () ->
                    new Conflict(
                        "A rollout needs a release to start from; publish the first release"
                            + " without one"));
    Release candidate = publisher.publish(command);
    Rollout rollout =
        new Rollout(
            environment,
            stable.number(),
            candidate.number(),
            plan,
            access.actor(),
            clock.instant());
    rollouts.store(rollout);
    steps.record(
        rollout,
        AuditAction.ROLLOUT_START,
        "release "
            + candidate.number()
            + " from "
            + stable.number()
            + ", steps "
            + plan.steps()
            + ", bake "
            + plan.bakeSeconds()
            + " s");
    return candidate;
  }

  /** The environment's newest rollout and the instances seen since it began. */
  public RolloutStatus status(EnvironmentRef where) {
    Environment environment = environments.get(where);
    access.require(Action.READ, environment);
    return statusOf(environment);
  }

  /** The environment's rollout under way, if any, for its readers. */
  public Optional<Rollout> underWay(EnvironmentRef where) {
    Environment environment = environments.get(where);
    access.require(Action.READ, environment);
    return rollouts.active(environment.id());
  }

  /** Holds the rollout at its current step. */
  public RolloutStatus pause(EnvironmentRef where) {
    Environment environment = publishable(where);
    steps.pause(underWay(environment));
    return statusOf(environment);
  }

  /** Runs a paused rollout again; the step's bake time starts over. */
  public RolloutStatus resume(EnvironmentRef where) {
    Environment environment = publishable(where);
    steps.resume(underWay(environment));
    return statusOf(environment);
  }

  /** Moves to the next step now (or completes the rollout at its last one). */
  public RolloutStatus advance(EnvironmentRef where) {
    Environment environment = publishable(where);
    steps.advance(underWay(environment));
    return statusOf(environment);
  }

  /** Ends the rollout and returns every instance to the stable release. */
  public RolloutStatus abort(EnvironmentRef where) {
    Environment environment = publishable(where);
    steps.stop(underWay(environment), RolloutState.ABORTED, "aborted by " + access.actor());
    return statusOf(environment);
  }

  /**
   * A running instance's health report. DOWN from an instance the rollout under way serves the
   * candidate rolls it back at once when it stops on health; anything else is only noted.
   *
   * @return true when this report rolled a rollout back
   */
  public boolean reportHealth(EnvironmentRef where, String instance, boolean down) {
    Target target =
        access
            .asSystem(() -> environments.accessTarget(where))
            .orElseThrow(() -> new NotFound("No application with slug '" + where.app() + "'"));
    access.requireDelivery(target);
    if (target.environmentId() == null) {
      throw new NotFound(
          "Application '" + where.app() + "' has no environment '" + where.env() + "'");
    }
    Optional<Rollout> underWay = rollouts.active(target.environmentId());
    if (!down
        || underWay.isEmpty()
        || !underWay.get().stopsOn(StopCondition.HEALTH)
        || !underWay.get().covers(instance)) {
      LOG.fine(() -> "Health report of " + instance + " on " + where + ": nothing to roll back");
      return false;
    }
    steps.stop(
        underWay.get(),
        RolloutState.ROLLED_BACK,
        "health: instance "
            + instance
            + " reported DOWN on release "
            + underWay.get().candidateRelease());
    return true;
  }

  /**
   * Firing alerts: each whose labels name an application and environment the caller may receive (a
   * service token scoped to it, or a person who may reveal its secrets) rolls back that
   * environment's rollout when it stops on alerts. Others are ignored without saying why, so the
   * answer tells nothing about environments the caller may not see.
   */
  public List<RolledBack> alerts(List<FiringAlert> firing) {
    access.requireAuthenticated();
    List<RolledBack> rolledBack = new ArrayList<>();
    for (FiringAlert alert : firing) {
      Optional<Environment> named = named(alert.labels());
      if (named.isEmpty() || access.deliverable(List.of(named.get())).isEmpty()) {
        continue;
      }
      Environment environment = named.get();
      Optional<Rollout> underWay = rollouts.active(environment.id());
      if (underWay.isEmpty() || !underWay.get().stopsOn(StopCondition.ALERT)) {
        continue;
      }
      String alertName = alert.labels().getOrDefault("alertname", "unnamed");
      steps.stop(
          underWay.get(),
          RolloutState.ROLLED_BACK,
          "alert: "
              + (alertName.length() > 100 ? alertName.substring(0, 100) : alertName)
              + " firing, sent by "
              + access.actor());
      rolledBack.add(
          new RolledBack(
              environment.application().slug().value(),
              environment.slug().value(),
              underWay.get().candidateRelease()));
    }
    return rolledBack;
  }

  private Optional<Environment> named(Map<String, String> labels) {
    if (labels == null) {
      return Optional.empty();
    }
    String app = labels.get(APPLICATION_LABEL);
    String env = labels.get(ENVIRONMENT_LABEL);
    EnvironmentRef where;
    try {
      where = new EnvironmentRef(Slug.of("app", app), Slug.of("env", env));
    } catch (InvalidValue e) {
      return Optional.empty();
    }
    return access
        .asSystem(() -> environments.accessTarget(where))
        .filter(t -> t.environmentId() != null)
        .map(t -> access.asSystem(() -> environments.get(where)));
  }

  private Environment publishable(EnvironmentRef where) {
    Environment environment = environments.get(where);
    access.require(Action.PUBLISH, environment);
    return environment;
  }

  private Rollout underWay(Environment environment) {
    return rollouts
        .active(environment.id())
        .orElseThrow(
            () ->
                new Conflict(
                    "No rollout is under way in "
                        + environment.application().slug()
                        + "/"
                        + environment.slug()));
  }

  private RolloutStatus statusOf(Environment environment) {
    Optional<Rollout> latest = rollouts.latest(environment);
    if (latest.isEmpty()) {
      return new RolloutStatus(Optional.empty(), new TreeMap<>(), 0, 0);
    }
    Rollout rollout = latest.get();
    sightings.flushQuietly();
    TreeMap<Integer, Integer> perRelease = new TreeMap<>();
    int candidate = 0;
    int stable = 0;
    for (Consumer seen : consumers.consumersSeenSince(environment.id(), rollout.createdAt())) {
      perRelease.merge(seen.releaseNumber(), 1, Integer::sum);
      if (rollout.covers(seen.instance())) {
        candidate++;
      } else {
        stable++;
      }
    }
    return new RolloutStatus(latest, perRelease, candidate, stable);
  }
}
