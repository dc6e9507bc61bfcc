package dev.setpoint.domain.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reading the audit trail: queries (people see the events of the applications they can see;
 * platform admins see everything, including events about the platform itself), JSON Lines export,
 * verification of the chain, and pruning into an archive.
 */
@ApplicationScoped
public class AuditService {

  /** Events read per database round trip when walking the chain. */
  static final int BATCH = 1000;

  private final AuditRepository events;
  private final AuditTrail trail;
  private final AuditConfig config;
  private final AuditReaders access;
  private final AuditArchive archive;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected AuditService() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public AuditService(
      AuditRepository events,
      AuditTrail trail,
      AuditConfig config,
      AuditReaders access,
      AuditArchive archive,
      Clock clock) {
    this.clock = clock;
    this.events = events;
    this.trail = trail;
    this.config = config;
    this.access = access;
    this.archive = archive;
  }

  /** What to look for; every field may be null. */
  public record Filter(
      String application,
      String environment,
      String actor,
      String action,
      String outcome,
      Instant from,
      Instant to) {}

  /** The result of walking the chain. */
  public record Verification(boolean ok, long checked, Long firstBrokenSequence, Position head) {}

  /** What a prune did: the new checkpoint and the archive that holds the pruned events. */
  public record Pruned(long events, Position checkpoint, String archive) {}

  /** One page of matching events, newest first. */
  public Slice<AuditEvent> find(Filter filter, PageRequest page) {
    AuditQuery query = query(filter);
    if (page.after() != null) {
      query = query.before(sequence(page.after()));
    }
    return Slice.of(
        events.find(query, page.limit() + 1), page.limit(), e -> Long.toString(e.sequence()));
  }

  /** Every matching event, oldest first, read in batches as the export is written. */
  public interface Export {
    void forEach(Consumer<AuditEvent> sink);
  }

  /**
   * An export of every matching event. The filter and the caller's access are checked now, so a
   * refusal is an answer of its own rather than a broken stream.
   */
  public Export export(Filter filter) {
    AuditQuery query = query(filter);
    return sink -> {
      long after = 0;
      while (true) {
        List<AuditEvent> batch = events.find(query.after(after), BATCH);
        batch.forEach(sink);
        if (batch.size() < BATCH) {
          return;
        }
        after = batch.get(batch.size() - 1).sequence();
      }
    };
  }

  /** Walks the whole stored chain, from the checkpoint to the head (platform admins). */
  public Verification verify() {
    access.requirePlatformAdmin();
    return walk(events.checkpoint(), Long.MAX_VALUE, true);
  }

  /**
   * Walks the chain from {@code from} up to event {@code through}; when {@code toHead}, the end
   * must also match the stored head (a deleted newest event leaves the head pointing past the end).
   */
  Verification walk(Position from, long through, boolean toHead) {
    Position expected = from;
    long checked = 0;
    while (expected.sequence() < through) {
      List<AuditEvent> batch = events.chain(expected.sequence(), BATCH);
      for (AuditEvent event : batch) {
        if (event.sequence() > through) {
          return new Verification(true, checked, null, expected);
        }
        if (event.sequence() != expected.sequence() + 1) {
          return new Verification(false, checked, expected.sequence() + 1, expected);
        }
        String hash = AuditChain.hash(expected.hash(), event.sequence(), event.record());
        if (!hash.equals(event.hash())) {
          return new Verification(false, checked, event.sequence(), expected);
        }
        checked++;
        expected = new Position(event.sequence(), hash);
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    if (toHead) {
      return toHead(expected, checked);
    } else if (expected.sequence() < through) {
      return new Verification(false, checked, expected.sequence() + 1, expected);
    }
    return new Verification(true, checked, null, expected);
  }

  /**
   * The end of a walk against the stored head. The head is read after the walk's last batch, so
   * events appended since then (by any server) put it further on: the walk goes on up to it, and
   * only a head that the chain does not reach, or reaches with another hash, is a break.
   */
  private Verification toHead(Position end, long checked) {
    Position head = events.head();
    Position expected = end;
    long walked = checked;
    if (head.sequence() > expected.sequence()) {
      Verification rest = walk(expected, head.sequence(), false);
      walked += rest.checked();
      if (!rest.ok()) {
        return new Verification(false, walked, rest.firstBrokenSequence(), rest.head());
      }
      expected = rest.head();
    }
    if (head.sequence() != expected.sequence()) {
      return new Verification(
          false, walked, Math.min(head.sequence(), expected.sequence()) + 1, expected);
    }
    if (!head.hash().equals(expected.hash())) {
      return new Verification(false, walked, head.sequence(), expected);
    }
    return new Verification(true, walked, null, expected);
  }

  /**
   * Archives the events recorded before {@code before} ({@link AuditArchive}) and deletes them,
   * keeping the last one's position as the checkpoint from which the rest of the chain verifies.
   * Refuses while that part of the chain does not verify, so a prune cannot hide tampering.
   */
  public Pruned prune(Instant before) {
    access.requirePlatformAdmin();
    if (before == null || before.isAfter(clock.instant())) {
      throw new InvalidValue("before", "must be an instant in the past");
    }
    Position checkpoint = events.checkpoint();
    Optional<Long> last = events.lastBefore(before);
    if (last.isEmpty() || last.get() <= checkpoint.sequence()) {
      return new Pruned(0, checkpoint, null);
    }
    Verification range = walk(checkpoint, last.get(), false);
    if (!range.ok()) {
      throw new Conflict(
          "The audit trail does not verify at sequence "
              + range.firstBrokenSequence()
              + "; nothing was pruned. Investigate it (docs/operations.md) before pruning");
    }
    String archive = archive(checkpoint, range.head());
    trail.pruned(checkpoint, range.head(), archive);
    return new Pruned(range.checked(), range.head(), archive);
  }

  /** Prunes what is older than the configured retention, if one is set (the scheduled job). */
  public Optional<Pruned> applyRetention() {
    return config.retention().map(age -> prune(clock.instant().minus(age)));
  }

  private String archive(Position from, Position through) {
    String name = "audit-" + (from.sequence() + 1) + "-" + through.sequence() + ".jsonl";
    return archive.write(
        name,
        sink -> {
          long after = from.sequence();
          while (after < through.sequence()) {
            List<AuditEvent> batch = events.chain(after, BATCH);
            for (AuditEvent event : batch) {
              if (event.sequence() > through.sequence()) {
                break;
              }
              sink.accept(event);
              after = event.sequence();
            }
            if (batch.isEmpty()) {
              break;
            }
          }
        });
  }

  private AuditQuery query(Filter filter) {
    access.requireSignedIn();
    boolean admin = access.platformAdmin();
    Optional<Set<UUID>> visible = admin ? Optional.empty() : access.visibleApplications();
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw new InvalidValue("to", "must not be before from");
    }
    return new AuditQuery(
        filter.application(),
        filter.environment(),
        filter.actor(),
        filter.action() == null ? null : AuditAction.parse("action", filter.action()),
        filter.outcome() == null ? null : Outcome.parse("outcome", filter.outcome()),
        filter.from(),
        filter.to(),
        visible,
        admin,
        null,
        null);
  }

  private static long sequence(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new InvalidValue("cursor", "must be a nextCursor value returned by this list");
    }
  }
}
