package dev.setpoint.domain.change;

import dev.setpoint.domain.shared.Conflict;

/**
 * A change request whose base moved: a key it changes (or the latest release, for a publish) is not
 * what it was when the request was proposed. The request is marked stale; nothing was applied.
 */
public class StaleChangeRequest extends Conflict {

  public StaleChangeRequest(String message) {
    super(message);
  }
}
