package dev.setpoint.domain.setting;

/** Where a resolved value comes from. */
public enum ValueSource {
  /** The definition's default. */
  DEFAULT("default"),
  /** An override in the environment itself. */
  ENVIRONMENT("environment");

  private final String wireName;

  ValueSource(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
