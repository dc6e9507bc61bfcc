package dev.setpoint.domain.change;

import dev.setpoint.domain.readiness.Finding;
import dev.setpoint.domain.review.ReviewPolicy;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A change request as a reviewer reads it: the request, the rule it is under, the diff of each
 * change against the environment as it is now, the readiness findings of the resulting state and,
 * for a promotion, the keys the target has that the promoted release leaves as they are.
 */
public record ChangeRequestDetail(
    ChangeRequest request,
    ReviewPolicy.Rule rule,
    List<Entry> diff,
    List<Finding> findings,
    List<String> kept) {

  /**
   * One change against the current state. Secrets show versions only, never values.
   *
   * @param before a setting's effective value now (null when it has none)
   * @param after a setting's effective value afterwards
   * @param currentVersion a secret's current version now (null when it has none)
   * @param release for a publish: the latest release now (null when none)
   * @param moved whether the key (or latest release) changed since the request was based on it
   */
  public record Entry(
      String op,
      String key,
      JsonValue before,
      JsonValue after,
      Integer currentVersion,
      Integer release,
      boolean moved) {}
}
