package dev.setpoint.domain.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where audit events are kept: an append-only table, its head and its checkpoint. */
public interface AuditRepository {

  /**
   * The newest event's position, locked until the current transaction ends so that appends
   * serialize: no two transactions can both extend the same head (no fork), and a rolled-back
   * append releases its sequence numbers with the lock (no gap).
   */
  Position lockHead();

  /** The head as last committed, without locking it. */
  Position head();

  /** Stores events that extend the locked head, in order, and makes the last one the new head. */
  void append(List<AuditEvent> events);

  /** Where the stored chain starts: the last pruned event (or {@link Position#START}). */
  Position checkpoint();

  /** Up to {@code limit} events with a sequence above {@code after}, oldest first. */
  List<AuditEvent> chain(long after, int limit);

  /**
   * Up to {@code limit} events matching {@code query}, newest first unless it asks for {@code
   * after}.
   */
  List<AuditEvent> find(AuditQuery query, int limit);

  /** The sequence of the newest event recorded before {@code instant}, if any is stored. */
  Optional<Long> lastBefore(Instant instant);

  /**
   * Deletes the events up to {@code checkpoint}'s sequence and records it as the new checkpoint,
   * naming the archive that holds them.
   */
  void prune(Position checkpoint, String archive);
}
