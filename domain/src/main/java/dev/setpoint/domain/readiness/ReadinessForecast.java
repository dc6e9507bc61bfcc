package dev.setpoint.domain.readiness;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.readiness.ReadinessSubject.SecretFact;
import dev.setpoint.domain.readiness.ReadinessSubject.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the readiness rules would find in an environment after proposed changes, without storing
 * anything: the environment's current subject with the changed settings and secrets put in. Used to
 * show a change request's result before it is applied. Internal: callers have checked that the
 * caller may read the environment.
 */
@ApplicationScoped
public class ReadinessForecast {

  private final ReadinessSubjects subjects;
  private final Access access;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ReadinessForecast() {
    this(null, null, null);
  }

  @Inject
  public ReadinessForecast(ReadinessSubjects subjects, Access access, Clock clock) {
    this.subjects = subjects;
    this.access = access;
    this.clock = clock;
  }

  /**
   * The findings after the changes.
   *
   * @param settingsAfter the effective value of each changed setting afterwards (null: none)
   * @param secretsWritten secrets that get a new value
   * @param secretsDeleted secrets that are deleted
   * @param publishes whether the changes end with a publish
   */
  public List<Finding> after(
      Environment environment,
      Map<String, String> settingsAfter,
      Set<String> secretsWritten,
      Set<String> secretsDeleted,
      boolean publishes) {
    Instant now = clock.instant();
    ReadinessSubject current = access.asSystem(() -> subjects.of(environment, now));
    Map<String, Setting> settings = new TreeMap<>(current.settings());
    settingsAfter.forEach(
        (key, value) -> {
          Setting before = settings.get(key);
          settings.put(key, new Setting(value, before != null && before.required()));
        });
    List<SecretFact> secrets = new ArrayList<>();
    for (SecretFact fact : current.secrets()) {
      if (secretsDeleted.contains(fact.key())) {
        continue;
      }
      // a new value is not shared (production refuses reuse) and restarts its rotation clock
      secrets.add(
          secretsWritten.contains(fact.key())
              ? new SecretFact(fact.key(), fact.rotationDays(), false, List.of())
              : fact);
    }
    secretsWritten.stream()
        .filter(key -> current.secrets().stream().noneMatch(f -> f.key().equals(key)))
        .forEach(key -> secrets.add(new SecretFact(key, null, false, List.of())));
    boolean changes =
        !settingsAfter.isEmpty() || !secretsWritten.isEmpty() || !secretsDeleted.isEmpty();
    ReadinessSubject after =
        new ReadinessSubject(
            current.production(),
            settings,
            secrets,
            current.tokens(),
            current.stagingKeys(),
            current.released() || publishes,
            !publishes && current.released() && (current.unpublishedChanges() || changes),
            now);
    return ReadinessRules.evaluate(after);
  }
}
