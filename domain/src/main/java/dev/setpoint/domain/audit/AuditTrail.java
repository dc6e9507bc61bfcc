package dev.setpoint.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What use cases call to be audited. A success is recorded in the use case's own transaction, so a
 * change and its event commit or roll back together (and a failed audit write fails the change). A
 * denial or failure is recorded in a transaction of its own, because the use case is about to
 * throw; losing one of those is logged, and the caller still gets its refusal.
 *
 * <p>The actor, the client address and the request id are those of the current request ({@code
 * setpoint} and none for background work).
 */
@ApplicationScoped
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

  private final AuditActor callers;
  private final AuditWriter writer;
  private final Event<Changed> changes;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected AuditTrail() {
    this(null, null, null, null);
  }

  /** A trail without change announcements (tests). */
  public AuditTrail(AuditActor callers, AuditWriter writer, Clock clock) {
    this(callers, writer, null, clock);
  }

  @Inject
  public AuditTrail(AuditActor callers, AuditWriter writer, Event<Changed> changes, Clock clock) {
    this.clock = clock;
    this.callers = callers;
    this.writer = writer;
    this.changes = changes;
  }

  /** Records a change (or a secret reveal) in the current transaction. */
  public void success(AuditAction action, AuditTarget target) {
    success(action, target, null);
  }

  /**
   * Records a change in the current transaction, with a short description (never a value), and
   * announces it ({@link Changed}) so that what depends on the target can follow.
   */
  public void success(AuditAction action, AuditTarget target, String detail) {
    writer.append(List.of(record(action, target, Outcome.SUCCESS, detail)));
    if (changes != null) {
      changes.fire(new Changed(action, target, detail));
    }
  }

  /** A change that was audited; observe it after the transaction succeeds. */
  /** A recorded change: what was done, to what, and the short description recorded with it. */
  public record Changed(AuditAction action, AuditTarget target, String detail) {}

  /** Records an attempt the caller was not allowed to make, with the reason it was given. */
  public void denied(AuditAction action, AuditTarget target, String reason) {
    alone(record(action, target, Outcome.DENIED, reason));
  }

  /** Records an allowed attempt that could not be done, with the reason. */
  public void failed(AuditAction action, AuditTarget target, String reason) {
    alone(record(action, target, Outcome.FAILED, reason));
  }

  /** Prunes the events after {@code from} through {@code through}, recording that it did. */
  public void pruned(AuditChain.Position from, AuditChain.Position through, String archive) {
    String detail =
        "events " + (from.sequence() + 1) + " to " + through.sequence() + " archived to " + archive;
    writer.prune(
        from,
        through,
        archive,
        record(AuditAction.AUDIT_PRUNE, AuditTarget.PLATFORM, Outcome.SUCCESS, detail));
  }

  private void alone(AuditRecord record) {
    try {
      if (writer.holdsHead()) {
        // this transaction already appended: a second one would wait for it
        writer.append(List.of(record));
      } else {
        writer.appendAlone(List.of(record));
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "An audit event could not be written: "
              + record.action().wireName()
              + " "
              + record.outcome().wireName()
              + " by "
              + record.actor(),
          e);
    }
  }

  private AuditRecord record(AuditAction action, AuditTarget target, Outcome outcome, String text) {
    return new AuditRecord(
        clock.instant(),
        clip(callers.actor(), 200),
        action,
        target,
        outcome,
        clip(callers.clientAddress(), 64),
        clip(callers.requestId(), 128),
        clip(text, 1000));
  }

  /** Keeps a field within its column (names from an identity provider can be long). */
  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
