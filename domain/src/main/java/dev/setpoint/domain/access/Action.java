package dev.setpoint.domain.access;

/**
 * What a use case does to an application or environment, and the least role it needs. A
 * production-sensitive action on a production environment needs that role granted on the
 * environment itself (or a platform-wide admin binding): an application-wide grant is not enough.
 */
public enum Action {
  READ(Role.VIEWER, false),
  WRITE(Role.EDITOR, true),
  REVEAL(Role.EDITOR, true),
  PUBLISH(Role.RELEASER, true),
  MANAGE(Role.ADMIN, true);

  private final Role least;
  private final boolean productionSensitive;

  Action(Role least, boolean productionSensitive) {
    this.least = least;
    this.productionSensitive = productionSensitive;
  }

  public Role least() {
    return least;
  }

  public boolean productionSensitive() {
    return productionSensitive;
  }
}
