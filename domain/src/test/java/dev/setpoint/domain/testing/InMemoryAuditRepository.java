package dev.setpoint.domain.testing;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditQuery;
import dev.setpoint.domain.audit.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The audit trail over a list, with hooks to fail a write or to tamper with a stored event. */
public final class InMemoryAuditRepository implements AuditRepository {

  private final List<AuditEvent> events = new ArrayList<>();
  private Position head = Position.START;
  private Position checkpoint = Position.START;

  /** When set, the next append throws it (as a database that refuses the insert would). */
  public RuntimeException failNextAppend;

  /** Run once, just before the next read of the head: another server appending meanwhile. */
  public Runnable beforeNextHeadRead;

  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** Rewrites the stored event at {@code sequence} behind the chain's back. */
  public synchronized void tamper(long sequence, UnaryOperator<AuditEvent> change) {
    events.replaceAll(e -> e.sequence() == sequence ? change.apply(e) : e);
  }

  /** Deletes the stored event at {@code sequence} behind the chain's back. */
  public synchronized void delete(long sequence) {
    events.removeIf(e -> e.sequence() == sequence);
  }

  @Override
  public synchronized Position lockHead() {
    return head;
  }

  @Override
  public synchronized Position head() {
    if (beforeNextHeadRead != null) {
      Runnable append = beforeNextHeadRead;
      beforeNextHeadRead = null;
      append.run();
    }
    return head;
  }

  @Override
  public synchronized void append(List<AuditEvent> appended) {
    if (failNextAppend != null) {
      RuntimeException failure = failNextAppend;
      failNextAppend = null;
      throw failure;
    }
    events.addAll(appended);
    head = Position.of(appended.get(appended.size() - 1));
  }

  @Override
  public synchronized Position checkpoint() {
    return checkpoint;
  }

  @Override
  public synchronized List<AuditEvent> chain(long after, int limit) {
    return events.stream()
        .filter(e -> e.sequence() > after)
        .sorted(Comparator.comparingLong(AuditEvent::sequence))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<AuditEvent> find(AuditQuery query, int limit) {
    Comparator<AuditEvent> order = Comparator.comparingLong(AuditEvent::sequence);
    return events.stream()
        .filter(e -> matches(query, e))
        .sorted(query.after() != null ? order : order.reversed())
        .limit(limit)
        .toList();
  }

  private static boolean matches(AuditQuery q, AuditEvent e) {
    var r = e.record();
    var t = r.target();
    return (q.application() == null || q.application().equals(t.application()))
        && (q.environment() == null || q.environment().equals(t.environment()))
        && (q.actor() == null || q.actor().equals(r.actor()))
        && (q.action() == null || q.action() == r.action())
        && (q.outcome() == null || q.outcome() == r.outcome())
        && (q.from() == null || !r.at().isBefore(q.from()))
        && (q.to() == null || r.at().isBefore(q.to()))
        && (q.before() == null || e.sequence() < q.before())
        && (q.after() == null || e.sequence() > q.after())
        && (q.visible().isPresent()
            ? t.applicationId() != null && q.visible().get().contains(t.applicationId())
            : q.platformEvents() || t.applicationId() != null);
  }

  @Override
  public synchronized Optional<Long> lastBefore(Instant instant) {
    return events.stream()
        .filter(e -> e.record().at().isBefore(instant))
        .map(AuditEvent::sequence)
        .max(Long::compare);
  }

  @Override
  public synchronized void prune(Position through, String archive) {
    events.removeIf(e -> e.sequence() <= through.sequence());
    checkpoint = through;
  }
}
