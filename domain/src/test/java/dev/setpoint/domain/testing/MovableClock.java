package dev.setpoint.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests set and move, so nothing waits out a real expiry. It starts at the real time and,
 * like a real clock, never reads the same instant twice: each reading is a millisecond after the
 * one before, so what happens in order gets ordered times.
 */
public final class MovableClock extends Clock {

  private static final Duration TICK = Duration.ofMillis(1);

  private Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

  /** Moves the clock forward by {@code step}. */
  public synchronized MovableClock advance(Duration step) {
    now = now.plus(step);
    return this;
  }

  /** Sets the clock to {@code instant}. */
  public synchronized MovableClock set(Instant instant) {
    now = instant;
    return this;
  }

  @Override
  public synchronized Instant instant() {
    Instant reading = now;
    now = now.plus(TICK);
    return reading;
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
