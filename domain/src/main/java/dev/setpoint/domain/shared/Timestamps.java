package dev.setpoint.domain.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision the database keeps (microseconds), so reads equal writes. */
public final class Timestamps {

  private Timestamps() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
