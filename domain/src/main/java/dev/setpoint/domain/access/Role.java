package dev.setpoint.domain.access;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a person may do within a scope (everything, one application, or one environment). Each role
 * includes the ones before it: an editor may do what a viewer may, a releaser what an editor may.
 */
public enum Role {
  /** Reads applications, environments, settings, secret metadata, releases and consumers. */
  VIEWER,
  /** Changes settings and secrets, and reveals secret values. */
  EDITOR,
  /** Publishes and rolls back releases. */
  RELEASER,
  /** Manages role bindings and service tokens; removes applications and environments. */
  ADMIN;

  /** Whether this role includes {@code other}. */
  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }

  /** The lower-case name used in the API: {@code viewer}, {@code editor}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this API name; a 400 naming {@code field} otherwise. */
  public static Role parse(String field, String value) {
    return Arrays.stream(values())
        .filter(r -> r.id().equals(value))
        .findFirst()
        .orElseThrow(
            () -> new InvalidValue(field, "must be one of viewer, editor, releaser, admin"));
  }
}
