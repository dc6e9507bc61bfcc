package dev.setpoint.domain.review;

import dev.setpoint.domain.shared.Conflict;

/**
 * A direct write to an environment whose policy asks for approvals: nothing was written; the same
 * change can be proposed as a change request.
 */
public class ReviewRequired extends Conflict {

  public ReviewRequired(String message) {
    super(message);
  }
}
