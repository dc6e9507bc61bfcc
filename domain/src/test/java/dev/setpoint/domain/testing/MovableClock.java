package dev.setpoint.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock tests set and move, so nothing waits out a real expiry. Starts at the real time. */
public final class MovableClock extends Clock {

  private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

  /** Moves the clock forward by {@code step}. */
  public MovableClock advance(Duration step) {
    now = now.plus(step);
    return this;
  }

  /** Sets the clock to {@code instant}. */
  public MovableClock set(Instant instant) {
    now = instant;
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
