package dev.setpoint.domain.readiness;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The read use cases: one environment's readiness, evaluated now, and the summary of all. */
@ApplicationScoped
@Transactional
public class ReadinessReports {

  private final ReadinessRepository store;
  private final ReadinessEvaluation evaluation;
  private final ApplicationService applications;
  private final EnvironmentService environments;
  private final EnvironmentRepository environmentRepository;
  private final Access access;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ReadinessReports() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public ReadinessReports(
      ReadinessRepository store,
      ReadinessEvaluation evaluation,
      ApplicationService applications,
      EnvironmentService environments,
      EnvironmentRepository environmentRepository,
      Access access,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.evaluation = evaluation;
    this.applications = applications;
    this.environments = environments;
    this.environmentRepository = environmentRepository;
    this.access = access;
  }

  /** Evaluates the environment now and reports it; needs read access. */
  public ReadinessReport report(EnvironmentRef where) {
    Environment environment = environments.get(where);
    access.require(Action.READ, environment);
    return evaluation.evaluate(environment);
  }

  /** The stored state of every environment the caller can see, newest evaluation each. */
  public List<ReadinessSummary> summary() {
    // an application's visibility is not enough: each environment needs the read role on it
    List<Environment> seen = access.permitted(Action.READ, visibleEnvironments());
    List<UUID> ids = seen.stream().map(Environment::id).toList();
    Instant now = clock.instant();
    Map<UUID, List<ReadinessFinding>> open =
        byEnvironment(store.openFindings(ids), ReadinessFinding::environment);
    Map<UUID, List<Suppression>> suppressed =
        byEnvironment(store.activeSuppressions(ids, now), Suppression::environment);
    List<ReadinessSummary> result = new ArrayList<>();
    for (Environment environment : seen) {
      ReadinessReport report =
          ReadinessReport.of(
              environment,
              open.getOrDefault(environment.id(), List.of()),
              suppressed.getOrDefault(environment.id(), List.of()));
      result.add(ReadinessSummary.of(report));
    }
    return result;
  }

  /** The environments of every application the caller can see. */
  private List<Environment> visibleEnvironments() {
    List<Environment> seen = new ArrayList<>();
    for (Application application : Pages.all(applications::list)) {
      seen.addAll(
          Pages.all(
              page ->
                  Slice.of(
                      environmentRepository.list(application, page),
                      page.limit(),
                      e -> e.slug().value())));
    }
    return seen;
  }

  private static <T> Map<UUID, List<T>> byEnvironment(
      List<T> items, Function<T, Environment> environment) {
    Map<UUID, List<T>> grouped = new HashMap<>();
    items.forEach(
        i -> grouped.computeIfAbsent(environment.apply(i).id(), k -> new ArrayList<>()).add(i));
    return grouped;
  }
}
