package dev.setpoint.domain.release;

import dev.setpoint.domain.application.EnvironmentRef;
import java.util.Objects;

/**
 * Publishes again, in environment {@code where}, the content of release {@code number}: with an
 * optional message for the history (a default one names the release) and who rolls back.
 */
public record RollbackRelease(EnvironmentRef where, int number, String message, String actor) {

  public RollbackRelease {
    Objects.requireNonNull(where, "where");
  }
}
