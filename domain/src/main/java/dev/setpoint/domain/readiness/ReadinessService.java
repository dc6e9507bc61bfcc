package dev.setpoint.domain.readiness;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.ServiceToken;
import dev.setpoint.domain.access.ServiceTokenRepository;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationService;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.application.EnvironmentService;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.readiness.ReadinessSubject.SecretFact;
import dev.setpoint.domain.readiness.ReadinessSubject.Setting;
import dev.setpoint.domain.readiness.ReadinessSubject.TokenFact;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.release.ReleaseService;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.ResolvedSetting;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Timestamps;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Evaluates environments against the readiness rules and keeps the findings: first seen when an
 * evaluation first reports one, resolved when one no longer does. Also suppressions, the summary,
 * and the gate that keeps critical findings out of production releases.
 */
@ApplicationScoped
@Transactional
public class ReadinessService implements dev.setpoint.domain.release.PublishGate {

  /** Longest a suppression may last. */
  public static final Duration MAX_SUPPRESSION = Duration.ofDays(365);

  private final ReadinessRepository store;
  private final ApplicationService applications;
  private final EnvironmentService environments;
  private final EnvironmentRepository environmentRepository;
  private final SettingService settings;
  private final SecretRepository secrets;
  private final ServiceTokenRepository tokens;
  private final ReleaseRepository releases;
  private final ReleaseService releaseService;
  private final Access access;
  private final AuditTrail audit;
  private final Event<ReadinessChanged> changes;

  /** For the CDI container's proxy only. */
  protected ReadinessService() {
    this(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public ReadinessService(
      ReadinessRepository store,
      ApplicationService applications,
      EnvironmentService environments,
      EnvironmentRepository environmentRepository,
      SettingService settings,
      SecretRepository secrets,
      ServiceTokenRepository tokens,
      ReleaseRepository releases,
      ReleaseService releaseService,
      Access access,
      AuditTrail audit,
      Event<ReadinessChanged> changes) {
    this.store = store;
    this.applications = applications;
    this.environments = environments;
    this.environmentRepository = environmentRepository;
    this.settings = settings;
    this.secrets = secrets;
    this.tokens = tokens;
    this.releases = releases;
    this.releaseService = releaseService;
    this.access = access;
    this.audit = audit;
    this.changes = changes;
  }

  /** One finding as reported, with the suppression that covers it, if any. */
  public record Item(ReadinessFinding finding, Suppression suppression) {
    public boolean counts() {
      return suppression == null;
    }
  }

  /** An environment's readiness: its status and open findings, most severe first. */
  public record Report(Environment environment, String status, List<Item> findings) {}

  /** An environment's status and how many unsuppressed findings of each severity it has. */
  public record Summary(Environment environment, String status, Map<Severity, Long> counts) {}

  /** Evaluates the environment now and reports it; needs read access. */
  public Report report(String app, String env) {
    Environment environment = environments.get(app, env);
    access.require(Action.READ, environment);
    return evaluate(environment);
  }

  /** The stored state of every environment the caller can see, newest evaluation each. */
  public List<Summary> summary() {
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
    // an application's visibility is not enough: each environment needs the read role on it
    seen = access.permitted(Action.READ, seen);
    List<UUID> ids = seen.stream().map(Environment::id).toList();
    Instant now = Timestamps.now();
    Map<UUID, List<ReadinessFinding>> open = new HashMap<>();
    store
        .openFindings(ids)
        .forEach(f -> open.computeIfAbsent(f.environment().id(), k -> new ArrayList<>()).add(f));
    Map<UUID, List<Suppression>> suppressed = new HashMap<>();
    store
        .activeSuppressions(ids, now)
        .forEach(
            s -> suppressed.computeIfAbsent(s.environment().id(), k -> new ArrayList<>()).add(s));
    List<Summary> result = new ArrayList<>();
    for (Environment environment : seen) {
      List<Item> items =
          items(
              open.getOrDefault(environment.id(), List.of()),
              suppressed.getOrDefault(environment.id(), List.of()));
      Map<Severity, Long> counts = new LinkedHashMap<>();
      for (Severity severity : Severity.values()) {
        counts.put(
            severity,
            items.stream()
                .filter(Item::counts)
                .filter(i -> i.finding().rule().severity() == severity)
                .count());
      }
      result.add(new Summary(environment, status(items), counts));
    }
    return result;
  }

  /** Evaluates an environment by id (background work); empty when it is gone. */
  public Optional<Report> evaluate(UUID environmentId) {
    return store.environment(environmentId).map(this::evaluate);
  }

  /** The environments a change to {@code target} may affect: one, or all of an application's. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> affectedBy(dev.setpoint.domain.audit.AuditTarget target) {
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
  public boolean claimScheduledRun(String holder, Duration length) {
    Instant now = Timestamps.now();
    return store.claimLease("readiness-evaluation", holder, now, now.plus(length));
  }

  /** Open, unsuppressed findings by severity over every environment. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> openCounts() {
    return store.openCounts(Timestamps.now());
  }

  /** Every environment's id, for the scheduled evaluation. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> environmentIds() {
    return store.allEnvironmentIds();
  }

  /**
   * Applies the rules to the environment, stores what changed (new findings first seen now, gone
   * ones resolved now) and announces it.
   */
  Report evaluate(Environment environment) {
    store.lockFindings(environment);
    Instant now = Timestamps.now();
    List<Finding> found = access.asSystem(() -> ReadinessCheck.evaluate(subject(environment, now)));
    Map<String, Finding> current = new LinkedHashMap<>();
    found.forEach(f -> current.putIfAbsent(f.identity(), f));
    List<ReadinessFinding> opened = new ArrayList<>();
    List<ReadinessFinding> resolved = new ArrayList<>();
    List<ReadinessFinding> open = new ArrayList<>();
    Map<String, Instant> currentSince = currentSince(environment);
    for (ReadinessFinding stored : store.openFindings(environment)) {
      Finding still = current.remove(stored.identity());
      if (still == null && stillShared(stored, currentSince)) {
        open.add(stored);
        continue;
      }
      if (still == null || !stored.known()) {
        stored.resolve(now);
        store.store(stored);
        resolved.add(stored);
      } else {
        stored.seenAgain(still);
        store.store(stored);
        open.add(stored);
      }
    }
    for (Finding fresh : current.values()) {
      ReadinessFinding stored = new ReadinessFinding(environment, fresh);
      store.store(stored);
      opened.add(stored);
      open.add(stored);
    }
    if (!opened.isEmpty() || !resolved.isEmpty()) {
      changes.fire(new ReadinessChanged(environment, opened, resolved));
    }
    List<Item> items = items(open, store.activeSuppressions(environment, now));
    return new Report(environment, status(items), items);
  }

  private ReadinessSubject subject(Environment environment, Instant now) {
    Application application = environment.application();
    String app = application.slug().value();
    Map<String, Setting> values = new TreeMap<>();
    for (ResolvedSetting s :
        Pages.all(page -> settings.resolve(app, environment.slug().value(), page))) {
      values.put(s.key().value(), new Setting(s.value(), s.required()));
    }
    List<Environment> siblings =
        Pages.all(
            page ->
                Slice.of(
                    environmentRepository.list(application, page),
                    page.limit(),
                    e -> e.slug().value()));
    Map<String, List<SecretVersion>> fingerprintsElsewhere = new HashMap<>();
    Set<String> stagingKeys = null;
    for (Environment sibling : siblings) {
      if (sibling.id().equals(environment.id())) {
        continue;
      }
      if (environment.production()) {
        for (SecretVersion version : currentVersions(sibling)) {
          fingerprintsElsewhere
              .computeIfAbsent(fingerprint(version), k -> new ArrayList<>())
              .add(version);
        }
      }
      if (environment.production() && sibling.slug().value().equals("staging")) {
        stagingKeys = keysOf(sibling);
      }
    }
    List<SecretFact> secretFacts = new ArrayList<>();
    for (SecretVersion version : currentVersions(environment)) {
      Secret secret = version.secret();
      secretFacts.add(
          new SecretFact(
              secret.key().value(),
              secret.rotationDays(),
              secret.rotationDue(now),
              sharedBefore(
                  version, fingerprintsElsewhere.getOrDefault(fingerprint(version), List.of()))));
    }
    List<TokenFact> tokenFacts = new ArrayList<>();
    for (ServiceToken token :
        Pages.all(
            page ->
                Slice.of(
                    tokens.listOf(Set.of(application.id()), page),
                    page.limit(),
                    t -> t.id().toString()))) {
      if (!token.revoked()
          && !token.expiredAt(now)
          && token.environments().stream().anyMatch(e -> e.id().equals(environment.id()))) {
        tokenFacts.add(
            new TokenFact(
                token.id().toString(),
                token.name(),
                token.expiresAt(),
                token.lastUsedAt(),
                token.createdAt()));
      }
    }
    boolean released = releases.latest(environment).isPresent();
    boolean unpublished = released && releaseService.unpublished(environment);
    return new ReadinessSubject(
        environment.production(),
        values,
        secretFacts,
        tokenFacts,
        stagingKeys,
        released,
        unpublished,
        now);
  }

  /**
   * The environments whose current value equals {@code version}'s and was written no later than it.
   * Only production environments are compared, and only with values that were there first: a value
   * written elsewhere afterwards never changes what production shows, so nobody who can write a
   * non-production secret can learn, through any channel and at any time, whether it equals a
   * production value (the production write itself is refused or warned about instead).
   */
  private static List<String> sharedBefore(SecretVersion version, List<SecretVersion> same) {
    return same.stream()
        .filter(other -> !other.createdAt().isAfter(version.createdAt()))
        // and has stayed as it was since (not deleted and recovered, for one)
        .filter(other -> !other.secret().updatedAt().isAfter(version.createdAt()))
        .map(other -> other.secret().environment().slug().value())
        .distinct()
        .toList();
  }

  /** When each production secret's current value was written; empty for other environments. */
  private Map<String, Instant> currentSince(Environment environment) {
    Map<String, Instant> since = new HashMap<>();
    if (environment.production()) {
      currentVersions(environment).forEach(v -> since.put(v.secret().key().value(), v.createdAt()));
    }
    return since;
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

  private List<SecretVersion> currentVersions(Environment environment) {
    List<SecretVersion> current = new ArrayList<>();
    for (Secret secret :
        Pages.all(
            page ->
                Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value()))) {
      if (!secret.deleted() && secret.currentVersion() > 0) {
        secrets.version(secret, secret.currentVersion()).ifPresent(current::add);
      }
    }
    return current;
  }

  private static String fingerprint(SecretVersion version) {
    return version.fingerprintKeyId() + ":" + version.fingerprint();
  }

  private Set<String> keysOf(Environment environment) {
    Set<String> keys = new TreeSet<>();
    String app = environment.application().slug().value();
    for (ResolvedSetting s :
        Pages.all(page -> settings.resolve(app, environment.slug().value(), page))) {
      if (s.value() != null) {
        keys.add(s.key().value());
      }
    }
    currentVersions(environment).forEach(v -> keys.add(v.secret().key().value()));
    return keys;
  }

  private static List<Item> items(List<ReadinessFinding> open, List<Suppression> suppressions) {
    List<Item> items = new ArrayList<>();
    for (ReadinessFinding finding : open) {
      Suppression covering =
          suppressions.stream().filter(s -> s.covers(finding.identity())).findFirst().orElse(null);
      items.add(new Item(finding, covering));
    }
    items.sort(
        java.util.Comparator.comparing((Item i) -> i.finding().rule().severity())
            .thenComparing(i -> i.finding().rule().id())
            .thenComparing(i -> String.valueOf(i.finding().key())));
    return items;
  }

  /**
   * {@code blocked} with an open critical finding, {@code attention} with any other, else ready.
   */
  private static String status(List<Item> items) {
    if (items.stream()
        .anyMatch(i -> i.counts() && i.finding().rule().severity() == Severity.CRITICAL)) {
      return "blocked";
    }
    return items.stream().anyMatch(Item::counts) ? "attention" : "ready";
  }

  /** Accepts one finding in an environment until {@code expiresAt}; needs the editor role. */
  public Suppression suppress(
      String app, String env, String rule, String key, String reason, Instant expiresAt) {
    Environment environment = environments.get(app, env);
    access.require(Action.WRITE, environment);
    ReadinessRule suppressed =
        ReadinessRule.byId(rule == null ? "" : rule)
            .orElseThrow(() -> new InvalidValue("rule", "must be the id of a readiness rule"));
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidValue("reason", "must be 1 to 500 characters");
    }
    Instant now = Timestamps.now();
    if (expiresAt == null
        || !expiresAt.isAfter(now)
        || expiresAt.isAfter(now.plus(MAX_SUPPRESSION))) {
      throw new InvalidValue("expiresAt", "must be in the future, at most 365 days ahead");
    }
    Suppression suppression =
        new Suppression(
            environment,
            suppressed,
            key == null || key.isBlank() ? null : key,
            reason.strip(),
            expiresAt,
            access.actor());
    store.store(suppression);
    audit.success(
        AuditAction.READINESS_SUPPRESS,
        AuditTarget.of(environment)
            .key(suppressed.id() + (suppression.key() == null ? "" : ":" + suppression.key())),
        "until " + expiresAt + ": " + suppression.reason());
    return suppression;
  }

  /** Lifts a suppression before it expires; needs the editor role. */
  public void unsuppress(String app, String env, UUID id) {
    Environment environment = environments.get(app, env);
    access.require(Action.WRITE, environment);
    Suppression suppression =
        store
            .suppression(id)
            .filter(s -> s.environment().id().equals(environment.id()))
            .orElseThrow(() -> new NotFound("No suppression with id " + id + " in " + env));
    store.remove(suppression);
    audit.success(
        AuditAction.READINESS_UNSUPPRESS,
        AuditTarget.of(environment)
            .key(suppression.rule() + (suppression.key() == null ? "" : ":" + suppression.key())),
        null);
  }

  /**
   * The publish gate: refuses a production release while a critical finding is open and not
   * suppressed, unless {@code overrideReason} says why it must go out anyway (audited).
   */
  @Override
  public void check(Environment environment, String overrideReason) {
    if (!environment.production()) {
      return;
    }
    List<Item> blocking =
        evaluate(environment).findings().stream()
            .filter(Item::counts)
            .filter(i -> i.finding().rule().severity() == Severity.CRITICAL)
            .toList();
    if (blocking.isEmpty()) {
      return;
    }
    List<InvalidValue.Violation> listed =
        blocking.stream()
            .map(
                i ->
                    new InvalidValue.Violation(
                        i.finding().key() == null ? i.finding().rule().id() : i.finding().key(),
                        i.finding().rule().id() + ": " + i.finding().rule().message()))
            .toList();
    if (overrideReason == null || overrideReason.isBlank()) {
      throw new Unprocessable(
          "Production has "
              + blocking.size()
              + " open critical readiness finding(s); fix or suppress them, or publish with an"
              + " override reason",
          listed);
    }
    audit.success(
        AuditAction.READINESS_OVERRIDE,
        AuditTarget.of(environment),
        overrideReason.strip()
            + " (overriding "
            + String.join(", ", listed.stream().map(v -> v.field() + " " + v.rule()).toList())
            + ")");
  }
}
