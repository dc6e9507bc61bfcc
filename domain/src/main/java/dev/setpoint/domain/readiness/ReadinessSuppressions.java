package dev.setpoint.domain.readiness;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Accepting a finding for a while (suppress) and lifting that again (unsuppress), audited. */
@ApplicationScoped
@Transactional
public class ReadinessSuppressions {

  /** Longest a suppression may last. */
  public static final Duration MAX_SUPPRESSION = Duration.ofDays(ApiLimits.MAX_SUPPRESSION_DAYS);

  private final ReadinessRepository store;
  private final EnvironmentService environments;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ReadinessSuppressions() {
    this(null, null, null, null, null);
  }

  @Inject
  public ReadinessSuppressions(
      ReadinessRepository store,
      EnvironmentService environments,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.environments = environments;
    this.access = access;
    this.audit = audit;
  }

  /** Accepts one finding in an environment until {@code expiresAt}; needs the editor role. */
  public Suppression suppress(SuppressFinding command) {
    String rule = command.rule();
    String key = command.key();
    String reason = command.reason();
    Instant expiresAt = command.expiresAt();
    Environment environment = environments.get(command.where());
    access.require(Action.WRITE, environment);
    ReadinessRule suppressed =
        ReadinessRule.byId(rule == null ? "" : rule)
            .orElseThrow(() -> new InvalidValue("rule", "must be the id of a readiness rule"));
    if (reason == null || reason.isBlank() || reason.length() > ApiLimits.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          "reason", "must be 1 to " + ApiLimits.MAX_MESSAGE_LENGTH + " characters");
    }
    Instant now = clock.instant();
    if (expiresAt == null
        || !expiresAt.isAfter(now)
        || expiresAt.isAfter(now.plus(MAX_SUPPRESSION))) {
      throw new InvalidValue(
          "expiresAt",
          "must be in the future, at most " + ApiLimits.MAX_SUPPRESSION_DAYS + " days ahead");
    }
    Suppression suppression =
        new Suppression(
            environment,
            suppressed,
            key == null || key.isBlank() ? null : key,
            reason.strip(),
            expiresAt,
            access.actor(),
            clock.instant());
    store.store(suppression);
    audit.success(
        AuditAction.READINESS_SUPPRESS,
        AuditTarget.of(environment).key(target(suppressed.id(), suppression.key())),
        "until " + expiresAt + ": " + suppression.reason());
    return suppression;
  }

  /** Lifts a suppression before it expires; needs the editor role. */
  public void unsuppress(EnvironmentRef where, UUID id) {
    Environment environment = environments.get(where);
    access.require(Action.WRITE, environment);
    Suppression suppression =
        store
            .suppression(id)
            .filter(s -> s.environment().id().equals(environment.id()))
            .orElseThrow(() -> new NotFound("No suppression with id " + id + " in " + where.env()));
    store.remove(suppression);
    audit.success(
        AuditAction.READINESS_UNSUPPRESS,
        AuditTarget.of(environment).key(target(suppression.rule(), suppression.key())),
        null);
  }

  /** The audit key of a suppression: the rule, and the finding's key when there is one. */
  private static String target(String rule, String key) {
    return rule + (key == null ? "" : ":" + key);
  }
}
