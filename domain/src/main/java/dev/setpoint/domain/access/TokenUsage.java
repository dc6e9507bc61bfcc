package dev.setpoint.domain.access;

import dev.setpoint.domain.platform.WriteBehind;
import dev.setpoint.domain.platform.WriteBehindTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;

/**
 * When each service token was last used, kept in memory and written in one batch every few seconds,
 * so that checking a token (every delivery request) never writes to the database. A crash loses at
 * most one interval of last-used times, never a revocation or an expiry; a shutdown writes them.
 */
@ApplicationScoped
public class TokenUsage extends WriteBehindTask<UUID, Instant> {

  @Inject TokenUseWriter writer;

  @Inject AccessConfig config;

  private final WriteBehind<UUID, Instant> pending =
      new WriteBehind<>(
          "token uses",
          Integer.MAX_VALUE,
          (a, b) -> a.isAfter(b) ? a : b,
          batch -> writer.record(batch),
          Level.FINE);

  @Override
  public String name() {
    return "recording token uses";
  }

  @Override
  public Duration interval() {
    return config.tokenUsageFlush();
  }

  @Override
  protected WriteBehind<UUID, Instant> pending() {
    return pending;
  }

  /** Notes a use; the newest one per token wins. */
  void used(UUID token, Instant at) {
    pending.put(token, at);
  }

  /** Writes the pending uses; on failure they are kept for the next attempt. */
  public void flush() {
    pending.flush();
  }
}
