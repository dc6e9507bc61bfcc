package dev.setpoint.domain.change;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a change request stands. */
public enum ChangeStatus {
  /** Proposed, waiting for approvals. */
  OPEN,
  /** Has the approvals its policy asks for; may be applied. */
  APPROVED,
  /** Refused by a reviewer; final. */
  REJECTED,
  /** Written to the environment; final. */
  APPLIED,
  /** Closed by a writer without applying; final. */
  WITHDRAWN,
  /** Its base moved before it was applied; its author may update it (rebase) or withdraw it. */
  STALE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether nothing more can happen to a request in this state. */
  public boolean closed() {
    return this == REJECTED || this == APPLIED || this == WITHDRAWN;
  }

  /** The status with this API name; a 400 naming {@code field} otherwise. */
  public static ChangeStatus parse(String field, String text) {
    return Arrays.stream(values())
        .filter(s -> s.id().equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidValue(
                    field, "must be one of open, approved, rejected, applied, withdrawn, stale"));
  }
}
