package dev.setpoint.domain.rollout;

/** Where a rollout is; the wire name is what the API shows. */
public enum RolloutState {
  RUNNING("running"),
  PAUSED("paused"),
  COMPLETED("completed"),
  ROLLED_BACK("rolled-back"),
  ABORTED("aborted"),
  SUPERSEDED("superseded");

  private final String wireName;

  RolloutState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** True while the rollout decides what instances are served. */
  public boolean active() {
    return this == RUNNING || this == PAUSED;
  }
}
