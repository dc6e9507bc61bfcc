package dev.setpoint.domain.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A clock that reads another at the precision the database keeps (microseconds), so a time written
 * and read back equals the one held in memory.
 */
public final class StoredPrecisionClock extends Clock {

  private final Clock base;

  public StoredPrecisionClock(Clock base) {
    this.base = Objects.requireNonNull(base);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new StoredPrecisionClock(base.withZone(zone));
  }

  @Override
  public Instant instant() {
    return base.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredPrecisionClock that && base.equals(that.base);
  }

  @Override
  public int hashCode() {
    return base.hashCode() ^ 0x5e7;
  }

  @Override
  public String toString() {
    return "StoredPrecisionClock[" + base + "]";
  }
}
