package dev.setpoint.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console sessions, found by the hash of their id. */
public interface ConsoleSessionRepository {

  Optional<ConsoleSession> findByHash(String idHash);

  /** The user's sessions, oldest first. */
  List<ConsoleSession> of(String username);

  void store(ConsoleSession session);

  /** Ends the session with this hash; false when there was none. */
  boolean removeByHash(String idHash);

  /** Ends every session of the user; how many there were. */
  int removeAllOf(String username);

  /** Removes the sessions that have ended by {@code now} (idle or absolute); how many. */
  int removeEnded(Instant now);
}
