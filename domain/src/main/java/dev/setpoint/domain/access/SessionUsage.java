package dev.setpoint.domain.access;

import dev.setpoint.domain.platform.WriteBehind;
import dev.setpoint.domain.platform.WriteBehindTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;

/**
 * When each console session was last used, kept in memory and written in one batch every {@code
 * setpoint.session.last-seen-flush-seconds}, so that a request signed in by a session reads its row
 * but never writes it. This server's own unwritten uses count for its idle check at once; another
 * server sees them once written, so a session used only elsewhere may end up to one flush interval
 * before its idle timeout, never after it. A shutdown writes them.
 */
@ApplicationScoped
public class SessionUsage extends WriteBehindTask<String, Instant> {

  @Inject SessionHousekeeping store;

  @Inject SessionConfig config;

  private final WriteBehind<String, Instant> pending =
      new WriteBehind<>(
          "console session uses",
          100_000,
          (a, b) -> a.isAfter(b) ? a : b,
          batch -> store.record(batch),
          Level.FINE);

  @Override
  public String name() {
    return "recording console session uses";
  }

  @Override
  public Duration interval() {
    return config.lastSeenFlush();
  }

  @Override
  protected WriteBehind<String, Instant> pending() {
    return pending;
  }

  /** Notes a use of the session with this id hash; the newest one wins. */
  void used(String idHash, Instant at) {
    pending.put(idHash, at);
  }

  /** The last use of the session on this server that is not written yet, if any. */
  java.util.Optional<Instant> unwritten(String idHash) {
    return pending.waiting(idHash);
  }
}
