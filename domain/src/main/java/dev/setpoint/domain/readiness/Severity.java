package dev.setpoint.domain.readiness;

import java.util.Locale;

/** How bad a finding is; {@code critical} findings block publishing to production. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
