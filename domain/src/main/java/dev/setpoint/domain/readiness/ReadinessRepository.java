package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stored findings, suppressions, and the lease that makes one server run each schedule. */
public interface ReadinessRepository {

  /** Locks the environment's findings until the transaction ends (one evaluation at a time). */
  void lockFindings(Environment environment);

  List<ReadinessFinding> openFindings(Environment environment);

  /** Open findings of many environments at once (the summary). */
  List<ReadinessFinding> openFindings(List<UUID> environmentIds);

  void store(ReadinessFinding finding);

  /** Suppressions of an environment that have not expired at {@code now}. */
  List<Suppression> activeSuppressions(Environment environment, Instant now);

  /** Active suppressions of many environments. */
  List<Suppression> activeSuppressions(List<UUID> environmentIds, Instant now);

  Optional<Suppression> suppression(UUID id);

  void store(Suppression suppression);

  void remove(Suppression suppression);

  /** Open, unsuppressed findings by severity (wire name), over every environment. */
  Map<String, Long> openCounts(Instant now);

  Optional<dev.setpoint.domain.application.Environment> environment(UUID id);

  /** The ids of an application's environments. */
  List<UUID> environmentIdsOf(UUID applicationId);

  /** Every environment id, for the scheduled evaluation. */
  List<UUID> allEnvironmentIds();

  /**
   * Takes the named lease until {@code until} if it is free at {@code now}; true when this caller
   * holds it. With several servers, exactly one wins each schedule.
   */
  boolean claimLease(String name, String holder, Instant now, Instant until);
}
