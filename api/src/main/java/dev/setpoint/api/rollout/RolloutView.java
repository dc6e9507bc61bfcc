package dev.setpoint.api.rollout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An environment's current (or last) staged rollout and its progress. An instance is in the
 * candidate's cohort when the first 8 bytes of SHA-256 of {@code id + "/" + instance} (UTF-8), read
 * as a big-endian number shifted right by one bit, modulo 100, is below {@code percent}.
 */
@Schema(name = "Rollout", description = "A staged rollout and how far it got.")
public record RolloutView(
    @Schema(description = "The rollout's id, part of each instance's cohort hash.") UUID id,
    @Schema(
            description = "none, running, paused, completed, rolled-back, aborted or superseded.",
            example = "running")
        String state,
    @Schema(description = "The release served to the instances outside the step.") Integer stable,
    @Schema(description = "The release being rolled out.") Integer candidate,
    @Schema(description = "The plan's percentages.", example = "[10, 50, 100]") List<Integer> steps,
    @Schema(description = "The current step, 1-based (0 when there is no rollout).") int step,
    @Schema(description = "Share of the instances served the candidate now.") int percent,
    Integer bakeSeconds,
    List<String> stopOn,
    Instant startedAt,
    @Schema(description = "When the current step began.") Instant stepStartedAt,
    @Schema(description = "When the current step's bake time ends (running only).")
        Instant nextStepAt,
    Instant endedAt,
    @Schema(description = "Why it ended, for a rollback or an abort.") String reason,
    @Schema(description = "Instances seen since the rollout began, by the cohort they belong to.")
        Cohorts cohorts,
    @Schema(description = "Instances seen since the rollout began, by the release last served.")
        List<ReleaseCount> instances) {

  /** How many instances are in each cohort. */
  @Schema(name = "RolloutCohorts")
  public record Cohorts(
      @Schema(description = "Instances the step puts on the candidate.") int candidate,
      @Schema(description = "Instances kept on the stable release.") int stable) {}

  /** How many instances were last served a release. */
  @Schema(name = "RolloutReleaseCount")
  public record ReleaseCount(int release, int instances) {}
}
