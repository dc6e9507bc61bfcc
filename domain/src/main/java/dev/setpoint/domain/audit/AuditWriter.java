package dev.setpoint.domain.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.shared.DomainException;
import dev.setpoint.domain.shared.Unavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends records to the chain: locks the head, hashes each record onto it, stores them, and once
 * the transaction has committed passes them on to the {@link AuditStream} a SIEM follows. A failure
 * to store is reported as {@link Unavailable} and rolls the transaction back, so a change that
 * cannot be audited is not made.
 */
@ApplicationScoped
public class AuditWriter {

  /** The log stream a SIEM follows: one JSON object per line, one line per event. */
  public static final String LOGGER = "setpoint.audit";

  private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
  private static final String HOLDS_HEAD = AuditWriter.class.getName() + ".holdsHead";

  private final AuditRepository events;
  private final AuditStream stream;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /** For the CDI container's proxy only. */
  protected AuditWriter() {
    this(null, null);
  }

  /**
   * A writer to {@code events}, passing committed ones on to {@code stream}; outside a container
   * (tests) it runs without a transaction.
   */
  @Inject
  public AuditWriter(AuditRepository events, AuditStream stream) {
    this.events = events;
    this.stream = stream;
  }

  /** Appends in the caller's transaction (or a new one when there is none). */
  @Transactional(Transactional.TxType.REQUIRED)
  public void append(List<AuditRecord> records) {
    store(records);
  }

  /**
   * Appends in a transaction of its own, which commits even if the caller's rolls back: for denied
   * and failed attempts, whose use case is about to fail.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void appendAlone(List<AuditRecord> records) {
    store(records);
  }

  /**
   * Deletes the events after {@code from} up to {@code through} and makes {@code through} the
   * checkpoint, recording {@code record} (the prune itself) in the same transaction. Refuses when
   * another server pruned meanwhile.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public void prune(Position from, Position through, String archive, AuditRecord record) {
    events.lockHead();
    if (!events.checkpoint().equals(from)) {
      throw new dev.setpoint.domain.shared.Conflict(
          "The audit trail was pruned by someone else meanwhile; nothing was pruned");
    }
    try {
      events.prune(through, archive);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pruning the audit trail failed", e);
      throw new Unavailable(
          "The database refused to prune the audit trail (does Setpoint's database user lack"
              + " DELETE on audit_events? See docs/operations.md); nothing was pruned",
          e);
    }
    store(List.of(record));
  }

  /** The head as this transaction left it, when it holds the head's lock; else null. */
  private Position heldHead() {
    if (transactions == null || transactions.getTransactionKey() == null) {
      return null;
    }
    return transactions.getResource(HOLDS_HEAD) instanceof Position held ? held : null;
  }

  /**
   * Whether the current transaction already holds the head; a transaction of its own would then
   * wait for this one forever.
   */
  public boolean holdsHead() {
    return transactions != null
        && transactions.getTransactionKey() != null
        && transactions.getResource(HOLDS_HEAD) != null;
  }

  private void store(List<AuditRecord> records) {
    List<AuditEvent> chained = new ArrayList<>(records.size());
    try {
      Position head = heldHead();
      if (head == null) {
        head = events.lockHead();
      }
      for (AuditRecord record : records) {
        AuditEvent event = AuditChain.next(head, record);
        chained.add(event);
        head = Position.of(event);
      }
      events.append(chained);
      if (transactions != null && transactions.getTransactionKey() != null) {
        // the row lock on the head is this transaction's until it ends: nobody else appends, so
        // the next append in it chains onto this position without locking and reading it again
        transactions.putResource(HOLDS_HEAD, head);
      }
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Writing to the audit trail failed; the change is rolled back", e);
      if (transactions != null) {
        transactions.setRollbackOnly();
      }
      throw new Unavailable(
          "The audit trail cannot be written, so nothing was changed; retry shortly", e);
    }
    logOnCommit(chained);
  }

  private void logOnCommit(List<AuditEvent> chained) {
    if (transactions == null) {
      stream.committed(chained);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              stream.committed(chained);
            }
          }
        });
  }
}
