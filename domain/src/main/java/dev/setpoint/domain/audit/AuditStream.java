package dev.setpoint.domain.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import java.util.List;

/**
 * The copy of the trail a SIEM follows: events are handed over once their transaction has
 * committed, never those of a transaction that rolled back, and each verified head, so that a later
 * rewrite of the table shows against what was shipped. Implemented outside the domain (one JSON
 * line each on the logger {@link AuditWriter#LOGGER}).
 */
public interface AuditStream {

  /** Passes on events that were just committed, in sequence order. */
  void committed(List<AuditEvent> events);

  /** Reports that the chain verified up to {@code head}, {@code checked} events since last time. */
  void verified(Position head, long checked);
}
