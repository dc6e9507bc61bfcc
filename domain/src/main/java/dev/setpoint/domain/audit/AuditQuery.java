package dev.setpoint.domain.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which events to read. Every filter is optional; {@code visible} limits the events to those of the
 * given applications (empty: no such limit, as for platform admins), and events without an
 * application are only included when {@code platformEvents} is set.
 *
 * @param before only events with a smaller sequence (the cursor, newest first), or null
 * @param after only events with a larger sequence (exports, oldest first), or null
 */
public record AuditQuery(
    String application,
    String environment,
    String actor,
    AuditAction action,
    Outcome outcome,
    Instant from,
    Instant to,
    Optional<Set<UUID>> visible,
    boolean platformEvents,
    Long before,
    Long after) {

  public AuditQuery before(long sequence) {
    return new AuditQuery(
        application,
        environment,
        actor,
        action,
        outcome,
        from,
        to,
        visible,
        platformEvents,
        sequence,
        after);
  }

  public AuditQuery after(long sequence) {
    return new AuditQuery(
        application,
        environment,
        actor,
        action,
        outcome,
        from,
        to,
        visible,
        platformEvents,
        before,
        sequence);
  }
}
