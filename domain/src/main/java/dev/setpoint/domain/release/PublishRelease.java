package dev.setpoint.domain.release;

import dev.setpoint.domain.application.EnvironmentRef;
import java.util.Objects;

/**
 * Publishes the next release of environment {@code where}: an optional message for the history, an
 * optional reason to go out to production although critical readiness findings are open, and who
 * publishes.
 */
public record PublishRelease(
    EnvironmentRef where, String message, String overrideReason, String actor) {

  public PublishRelease {
    Objects.requireNonNull(where, "where");
  }

  /** A publication without a readiness override. */
  public static PublishRelease of(EnvironmentRef where, String message, String actor) {
    return new PublishRelease(where, message, null, actor);
  }
}
