package dev.setpoint.domain.readiness;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the rules ({@link ReadinessRules}) to environments and keeps the findings: first seen
 * when an evaluation first reports one, resolved when one no longer does. Internal: its operations
 * skip authorization, so they are package-private, for the use cases, the publish gate and the
 * monitor of this package.
 */
@ApplicationScoped
@Transactional
public class ReadinessEvaluation {

  private final ReadinessRepository store;
  private final ReadinessSubjects subjects;
  private final Access access;
  private final Event<ReadinessChanged> changes;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ReadinessEvaluation() {
    this(null, null, null, null, null);
  }

  @Inject
  public ReadinessEvaluation(
      ReadinessRepository store,
      ReadinessSubjects subjects,
      Access access,
      Event<ReadinessChanged> changes,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.subjects = subjects;
    this.access = access;
    this.changes = changes;
  }

  /** Evaluates an environment by id (background work); empty when it is gone. */
  Optional<ReadinessReport> evaluate(UUID environmentId) {
    return store.environment(environmentId).map(this::evaluate);
  }

  /**
   * Applies the rules to the environment, stores what changed (new findings first seen now, gone
   * ones resolved now) and announces it.
   */
  ReadinessReport evaluate(Environment environment) {
    store.lockFindings(environment);
    Instant now = clock.instant();
    Map<String, Finding> current = new LinkedHashMap<>();
    access
        .asSystem(() -> ReadinessRules.evaluate(subjects.of(environment, now)))
        .forEach(f -> current.putIfAbsent(f.identity(), f));
    List<ReadinessFinding> opened = new ArrayList<>();
    List<ReadinessFinding> resolved = new ArrayList<>();
    List<ReadinessFinding> open = new ArrayList<>();
    Map<String, Instant> currentSince = subjects.currentSince(environment);
    for (ReadinessFinding stored : store.openFindings(environment)) {
      Finding still = current.remove(stored.identity());
      if (still == null && stillShared(stored, currentSince)) {
        open.add(stored);
      } else if (still == null || !stored.known()) {
        stored.resolve(now);
        store.store(stored);
        resolved.add(stored);
      } else {
        stored.seenAgain(still, clock.instant());
        store.store(stored);
        open.add(stored);
      }
    }
    for (Finding fresh : current.values()) {
      ReadinessFinding stored = new ReadinessFinding(environment, fresh, clock.instant());
      store.store(stored);
      opened.add(stored);
      open.add(stored);
    }
    if (!opened.isEmpty() || !resolved.isEmpty()) {
      changes.fire(new ReadinessChanged(environment, opened, resolved));
    }
    return ReadinessReport.of(environment, open, store.activeSuppressions(environment, now));
  }

  /**
   * The environments a change to {@code target} may affect: one, or all of an application's. In a
   * transaction of its own: it runs on a background thread after the change committed.
   */
  @Transactional
  List<UUID> affectedBy(AuditTarget target) {
    if (target.applicationId() == null) {
      return List.of();
    }
    List<UUID> ids = store.environmentIdsOf(target.applicationId());
    if (target.environment() == null) {
      return ids;
    }
    return ids.stream()
        .flatMap(id -> store.environment(id).stream())
        .filter(e -> e.slug().value().equals(target.environment()))
        .map(Environment::id)
        .toList();
  }

  /** Takes the schedule's lease for {@code length}; true when this server runs this round. */
  boolean claimScheduledRun(String holder, Duration length) {
    Instant now = clock.instant();
    return store.claimLease("readiness-evaluation", holder, now, now.plus(length));
  }

  /** Open, unsuppressed findings by severity over every environment. */
  @Transactional(Transactional.TxType.SUPPORTS)
  Map<String, Long> openCounts() {
    return store.openCounts(clock.instant());
  }

  /** Every environment's id, for the scheduled evaluation. */
  @Transactional(Transactional.TxType.SUPPORTS)
  List<UUID> environmentIds() {
    return store.allEnvironmentIds();
  }

  /**
   * A shared-secret finding on production stays open until production's own value changes, so
   * nothing done in another environment afterwards (rotating, deleting the twin) tells anyone that
   * the two values were equal.
   */
  private static boolean stillShared(ReadinessFinding stored, Map<String, Instant> currentSince) {
    if (stored.rule() != ReadinessRule.SECRET_SHARED_BETWEEN_ENVIRONMENTS || !stored.known()) {
      return false;
    }
    Instant since = currentSince.get(stored.key());
    return since != null && !since.isAfter(stored.firstSeenAt());
  }
}
