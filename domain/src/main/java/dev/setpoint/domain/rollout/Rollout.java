package dev.setpoint.domain.rollout;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.delivery.Staging;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staged rollout of one release of an environment: which step it is at, since when, and how it
 * ended. Changes through its transitions only; each one is refused (409) from a state it does not
 * leave. Its version guards against two servers moving it at once.
 */
@Entity
@Table(name = "rollouts")
public class Rollout extends Tracked {

  /** Longest reason kept for a rollback or an abort. */
  public static final int MAX_REASON_LENGTH = 500;

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "stable_release", nullable = false, updatable = false)
  private int stableRelease;

  @Column(name = "candidate_release", nullable = false, updatable = false)
  private int candidateRelease;

  @Column(name = "steps", nullable = false, updatable = false)
  private String steps;

  @Column(name = "bake_seconds", nullable = false, updatable = false)
  private int bakeSeconds;

  @Column(name = "stop_on", nullable = false, updatable = false)
  private String stopOn;

  @Column(name = "step_index", nullable = false)
  private int stepIndex;

  @Column(name = "state", nullable = false)
  private String state;

  @Column(name = "step_started_at", nullable = false)
  private Instant stepStartedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "reason")
  private String reason;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected Rollout() {}

  /** Starts rolling release {@code candidate} out, the first step now. */
  public Rollout(
      Environment environment,
      int stable,
      int candidate,
      RolloutPlan plan,
      String createdBy,
      Instant now) {
    super(now);
    this.environment = environment;
    this.stableRelease = stable;
    this.candidateRelease = candidate;
    this.steps = plan.steps().stream().map(String::valueOf).collect(Collectors.joining(","));
    this.bakeSeconds = plan.bakeSeconds();
    this.stopOn =
        plan.stopOn().stream()
            .map(StopCondition::wireName)
            .sorted()
            .collect(Collectors.joining(","));
    this.stepIndex = 0;
    this.state = RolloutState.RUNNING.name();
    this.stepStartedAt = now;
    this.createdBy = createdBy;
  }

  public Environment environment() {
    return environment;
  }

  public int stableRelease() {
    return stableRelease;
  }

  public int candidateRelease() {
    return candidateRelease;
  }

  public List<Integer> steps() {
    return Arrays.stream(steps.split(",")).map(Integer::valueOf).toList();
  }

  public int bakeSeconds() {
    return bakeSeconds;
  }

  public Set<StopCondition> stopOn() {
    Set<StopCondition> conditions = EnumSet.noneOf(StopCondition.class);
    for (String name : stopOn.isEmpty() ? new String[0] : stopOn.split(",")) {
      conditions.add(StopCondition.parse("stopOn", name));
    }
    return conditions;
  }

  public boolean stopsOn(StopCondition condition) {
    return stopOn().contains(condition);
  }

  /** The current step, 0-based. */
  public int stepIndex() {
    return stepIndex;
  }

  /** The share of the instances the current step serves the candidate; 0 once rolled back. */
  public int percent() {
    RolloutState now = state();
    if (now == RolloutState.ROLLED_BACK || now == RolloutState.ABORTED) {
      return 0;
    }
    return now == RolloutState.COMPLETED ? 100 : steps().get(stepIndex);
  }

  public RolloutState state() {
    return RolloutState.valueOf(state);
  }

  public Instant stepStartedAt() {
    return stepStartedAt;
  }

  /** When the current step's bake time ends; null unless running. */
  public Instant bakeEndsAt() {
    return state() == RolloutState.RUNNING ? stepStartedAt.plusSeconds(bakeSeconds) : null;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public String reason() {
    return reason;
  }

  public String createdBy() {
    return createdBy;
  }

  /** True when {@code instance} is served the candidate now. */
  public boolean covers(String instance) {
    return state().active() && Staging.covers(id(), percent(), instance);
  }

  /** True when this is the last step: its bake ends the rollout. */
  public boolean lastStep() {
    return stepIndex == steps().size() - 1;
  }

  /** Moves to the next step now, or completes the rollout after the last one. */
  void advance(Instant now) {
    requireActive("advance");
    if (lastStep()) {
      end(RolloutState.COMPLETED, null, now);
    } else {
      stepIndex++;
      stepStartedAt = now;
      touch(now);
    }
  }

  /** Holds the current step: no advance until resumed; stop conditions still apply. */
  void pause(Instant now) {
    if (state() != RolloutState.RUNNING) {
      throw new Conflict("The rollout is " + state().wireName() + ", not running: cannot pause it");
    }
    state = RolloutState.PAUSED.name();
    touch(now);
  }

  /** Runs the current step again; its bake time starts over. */
  void resume(Instant now) {
    if (state() != RolloutState.PAUSED) {
      throw new Conflict("The rollout is " + state().wireName() + ", not paused: cannot resume it");
    }
    state = RolloutState.RUNNING.name();
    stepStartedAt = now;
    touch(now);
  }

  /** Ends the rollout, every instance back on the stable release (a rollback or an abort). */
  void stop(RolloutState how, String why, Instant now) {
    requireActive(how == RolloutState.ABORTED ? "abort" : "roll back");
    end(how, why, now);
  }

  /** Ends the rollout because a newer release was published to everyone. */
  void supersede(Instant now) {
    end(RolloutState.SUPERSEDED, "a newer release was published", now);
  }

  private void requireActive(String what) {
    if (!state().active()) {
      throw new Conflict("The rollout is " + state().wireName() + ": cannot " + what + " it");
    }
  }

  private void end(RolloutState how, String why, Instant now) {
    state = how.name();
    endedAt = now;
    reason = why == null || why.length() <= MAX_REASON_LENGTH ? why : why.substring(0, 500);
    touch(now);
  }
}
