package dev.setpoint.domain.audit;

import java.util.List;

/**
 * The copy of the trail a SIEM follows: events are handed over once their transaction has
 * committed, never those of a transaction that rolled back. Implemented outside the domain (one
 * JSON line per event on the logger {@link AuditWriter#LOGGER}).
 */
public interface AuditStream {

  /** Passes on events that were just committed, in sequence order. */
  void committed(List<AuditEvent> events);
}
