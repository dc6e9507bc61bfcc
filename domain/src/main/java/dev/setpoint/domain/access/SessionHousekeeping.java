package dev.setpoint.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writes what {@link SessionUsage} collected and removes ended sessions, each in one transaction;
 * internal to the access package: it decides no access, so web does not use it ({@code
 * InternalBeansTest}).
 */
@ApplicationScoped
@Transactional
public class SessionHousekeeping {

  private static final Logger LOG = Logger.getLogger(SessionHousekeeping.class.getName());

  @Inject ConsoleSessionRepository sessions;

  /** Stores last uses noted since the previous batch (sessions ended since are skipped). */
  public void record(Map<String, Instant> uses) {
    uses.forEach((hash, at) -> sessions.findByHash(hash).ifPresent(s -> s.seen(at)));
  }

  /** Removes the sessions that ended by {@code now}. */
  public void prune(Instant now) {
    int removed = sessions.removeEnded(now);
    if (removed > 0) {
      LOG.fine(() -> "Removed " + removed + " ended console sessions");
    }
  }
}
