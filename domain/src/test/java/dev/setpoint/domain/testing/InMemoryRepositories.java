package dev.setpoint.domain.testing;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.AccessConfig;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.CallerContext;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.RoleBindingRepository;
import dev.setpoint.domain.access.ServiceToken;
import dev.setpoint.domain.access.ServiceTokenRepository;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.audit.AuditChain;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditStream;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.audit.AuditWriter;
import dev.setpoint.domain.delivery.Consumer;
import dev.setpoint.domain.delivery.ConsumerRepository;
import dev.setpoint.domain.delivery.DeliveryChange;
import dev.setpoint.domain.delivery.DeliveryChangeLog;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.review.ChangeControlConfig;
import dev.setpoint.domain.review.ReviewPolicy;
import dev.setpoint.domain.review.ReviewPolicyRepository;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretState;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The repositories over plain lists, for testing the services without a database. */
public final class InMemoryRepositories
    implements ApplicationRepository,
        EnvironmentRepository,
        SettingRepository,
        SecretRepository,
        ReleaseRepository,
        DeliveryChangeLog,
        ConsumerRepository,
        RoleBindingRepository,
        ServiceTokenRepository,
        ReviewPolicyRepository,
        DeliveryNotices {

  private final List<ReviewPolicy> policies = new ArrayList<>();

  /** Whether the change-control default (production needs an approval) is on. */
  public boolean changeControlEnabled;

  /** The direct-write rule over these policies. */
  public ChangeControl changeControl() {
    return new ChangeControl(this, new ChangeControlConfig(changeControlEnabled));
  }

  @Override
  public Optional<ReviewPolicy> policyOf(Environment environment) {
    return policies.stream().filter(p -> p.environment().id().equals(environment.id())).findFirst();
  }

  @Override
  public void store(ReviewPolicy policy) {
    if (!policies.contains(policy)) {
      policies.add(policy);
    }
  }

  private final List<Application> applications = new ArrayList<>();
  private final List<RoleBinding> bindings = new ArrayList<>();
  private final List<ServiceToken> tokens = new ArrayList<>();

  /** The caller {@link #access()} decides for; Setpoint itself unless a test changes it. */
  public Caller caller = Caller.SYSTEM;

  /** The audit trail the services of these repositories write to. */
  public final InMemoryAuditRepository auditEvents = new InMemoryAuditRepository();

  /** The time every service built over this store reads; tests move it instead of waiting. */
  public final MovableClock clock = new MovableClock();

  /** Where {@link #caller} is calling from, as the web layer would record it. */
  private final CallerContext callers =
      new CallerContext() {
        @Override
        public Caller caller() {
          return caller;
        }

        @Override
        public String requestId() {
          return "test-request-0001";
        }

        @Override
        public String clientAddress() {
          return "192.0.2.10";
        }
      };

  /** What the log stream would have shipped: nothing is kept here. */
  private static final AuditStream NO_STREAM =
      new AuditStream() {
        @Override
        public void committed(List<AuditEvent> events) {
          // no SIEM in unit tests
        }

        @Override
        public void verified(AuditChain.Position head, long checked) {
          // no SIEM in unit tests
        }
      };

  /** The audit trail over {@link #auditEvents}, recording {@link #caller}. */
  public AuditTrail auditTrail() {
    return new AuditTrail(callers, new AuditWriter(auditEvents, NO_STREAM), clock);
  }

  /** Access decisions over these bindings, for {@link #caller}. */
  public Access access() {
    return new Access(
        callers, this, this, new AccessConfig(java.util.Set.of()), auditTrail(), clock);
  }

  private final List<Environment> environments = new ArrayList<>();
  private final List<SettingDefinition> definitions = new ArrayList<>();
  private final List<SettingOverride> overrides = new ArrayList<>();
  private final List<Secret> secrets = new ArrayList<>();
  private final List<SecretVersion> versions = new ArrayList<>();
  private final List<Release> releases = new ArrayList<>();
  private final List<DeliveryChange> changes = new ArrayList<>();
  private final java.util.Map<String, Consumer> consumers = new java.util.TreeMap<>();

  private static <T> List<T> page(Stream<T> items, Function<T, String> key, PageRequest page) {
    return items
        .filter(i -> page.after() == null || key.apply(i).compareTo(page.after()) > 0)
        .sorted(Comparator.comparing(key))
        .limit(page.limit() + 1L)
        .toList();
  }

  private static <T> void keep(List<T> list, T item) {
    if (!list.contains(item)) {
      list.add(item);
    }
  }

  @Override
  public Optional<Application> find(Slug slug) {
    return applications.stream().filter(a -> a.slug().equals(slug)).findFirst();
  }

  @Override
  public List<Application> list(PageRequest page) {
    return page(applications.stream(), a -> a.slug().value(), page);
  }

  @Override
  public List<Application> listAmong(java.util.Set<java.util.UUID> ids, PageRequest page) {
    return page(
        applications.stream().filter(a -> ids.contains(a.id())), a -> a.slug().value(), page);
  }

  @Override
  public List<RoleBinding> forPrincipals(java.util.Collection<String> principals) {
    return bindings.stream().filter(b -> principals.contains(b.principal())).toList();
  }

  @Override
  public List<RoleBinding> listOn(Application application, PageRequest page) {
    return page(
        bindings.stream().filter(b -> application == null || application.equals(b.application())),
        b -> b.id().toString(),
        page);
  }

  @Override
  public Optional<RoleBinding> binding(java.util.UUID id) {
    return bindings.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  @Override
  public boolean exists(RoleBinding binding) {
    return bindings.stream()
        .anyMatch(
            b ->
                b.principal().equals(binding.principal())
                    && b.role() == binding.role()
                    && java.util.Objects.equals(b.application(), binding.application())
                    && java.util.Objects.equals(b.environment(), binding.environment()));
  }

  @Override
  public void store(RoleBinding binding) {
    keep(bindings, binding);
  }

  @Override
  public void remove(RoleBinding binding) {
    bindings.remove(binding);
  }

  @Override
  public Optional<ServiceToken> findByHash(String tokenHash) {
    return tokens.stream().filter(t -> tokenHashOf(t).equals(tokenHash)).findFirst();
  }

  @Override
  public Optional<ServiceToken> token(java.util.UUID id) {
    return tokens.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  @Override
  public List<ServiceToken> listOf(java.util.Set<java.util.UUID> applicationIds, PageRequest page) {
    return page(
        tokens.stream()
            .filter(t -> applicationIds == null || applicationIds.contains(t.application().id())),
        t -> t.id().toString(),
        page);
  }

  @Override
  public void store(ServiceToken token) {
    keep(tokens, token);
  }

  @Override
  public void markUsed(java.util.UUID id, java.time.Instant at) {
    usedAt.put(id, at);
  }

  /** When each token was last marked used. */
  public final java.util.Map<java.util.UUID, java.time.Instant> usedAt = new java.util.HashMap<>();

  /** The stored hash of a token, read the way a database query would. */
  public static String tokenHashOf(ServiceToken token) {
    try {
      java.lang.reflect.Field field = ServiceToken.class.getDeclaredField("tokenHash");
      field.setAccessible(true);
      return (String) field.get(token);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void store(Application application) {
    keep(applications, application);
  }

  @Override
  public void remove(Application application) {
    overrides.removeIf(o -> o.definition().application() == application);
    definitions.removeIf(d -> d.application() == application);
    environments.removeIf(e -> e.application() == application);
    applications.remove(application);
  }

  @Override
  public Optional<Environment> find(Application application, Slug slug) {
    return environments.stream()
        .filter(e -> e.application() == application && e.slug().equals(slug))
        .findFirst();
  }

  @Override
  public List<Environment> list(Application application, PageRequest page) {
    return page(
        environments.stream().filter(e -> e.application() == application),
        e -> e.slug().value(),
        page);
  }

  @Override
  public List<Environment> productionOf(Application application) {
    return environments.stream()
        .filter(e -> e.application() == application && e.production())
        .toList();
  }

  @Override
  public List<java.util.UUID> idsOf(Application application) {
    return environments.stream()
        .filter(e -> e.application() == application)
        .map(Environment::id)
        .toList();
  }

  @Override
  public void store(Environment environment) {
    keep(environments, environment);
  }

  @Override
  public void remove(Environment environment) {
    overrides.removeIf(o -> o.environment() == environment);
    environments.remove(environment);
  }

  @Override
  public Optional<SettingDefinition> findDefinition(Application application, SettingKey key) {
    return definitions.stream()
        .filter(d -> d.application() == application && d.key().equals(key))
        .findFirst();
  }

  @Override
  public List<SettingDefinition> definitions(Application application, PageRequest page) {
    return page(
        definitions.stream().filter(d -> d.application() == application),
        d -> d.key().value(),
        page);
  }

  @Override
  public void store(SettingDefinition definition) {
    keep(definitions, definition);
  }

  @Override
  public void remove(SettingDefinition definition) {
    overrides.removeIf(o -> o.definition() == definition);
    definitions.remove(definition);
  }

  @Override
  public Optional<SettingOverride> findOverride(
      SettingDefinition definition, Environment environment) {
    return overrides.stream()
        .filter(o -> o.definition() == definition && o.environment() == environment)
        .findFirst();
  }

  @Override
  public List<SettingOverride> overridesOf(SettingDefinition definition) {
    return overrides.stream().filter(o -> o.definition() == definition).toList();
  }

  @Override
  public List<Environment> environmentsOverriding(SettingDefinition definition) {
    return overridesOf(definition).stream().map(SettingOverride::environment).toList();
  }

  @Override
  public List<SettingOverride> overridesIn(
      Environment environment, List<SettingDefinition> wanted) {
    return overrides.stream()
        .filter(o -> o.environment() == environment && wanted.contains(o.definition()))
        .toList();
  }

  @Override
  public void store(SettingOverride override) {
    keep(overrides, override);
  }

  @Override
  public void remove(SettingOverride override) {
    overrides.remove(override);
  }

  @Override
  public Optional<Secret> find(Environment environment, SettingKey key) {
    return secrets.stream()
        .filter(s -> s.environment() == environment && s.key().equals(key))
        .findFirst();
  }

  @Override
  public List<Secret> list(Environment environment, PageRequest page) {
    return page(
        secrets.stream().filter(s -> s.environment() == environment), s -> s.key().value(), page);
  }

  @Override
  public List<SecretVersion> versions(Secret secret) {
    return versions.stream()
        .filter(v -> v.secret() == secret)
        .sorted(Comparator.comparingInt(SecretVersion::number).reversed())
        .toList();
  }

  @Override
  public Optional<SecretVersion> version(Secret secret, int number) {
    return versions.stream().filter(v -> v.secret() == secret && v.number() == number).findFirst();
  }

  @Override
  public List<SecretVersion> currentWithFingerprint(
      Application application, Environment except, String fingerprintKeyId, String fingerprint) {
    return versions.stream()
        .filter(v -> v.state() == SecretState.CURRENT)
        .filter(v -> fingerprint.equals(v.fingerprint()))
        .filter(v -> fingerprintKeyId.equals(v.fingerprintKeyId()))
        .filter(v -> v.secret().environment().application() == application)
        .filter(v -> v.secret().environment() != except && !v.secret().deleted())
        .toList();
  }

  @Override
  public List<Secret> withRotationPolicy() {
    return secrets.stream().filter(s -> s.rotationDays() != null && !s.deleted()).toList();
  }

  @Override
  public List<SecretVersion> wrappedByOtherThan(String keyId, int limit) {
    return versions.stream()
        .filter(v -> v.keyId() != null && !v.keyId().equals(keyId))
        .limit(limit)
        .toList();
  }

  @Override
  public long countWrappedByOtherThan(String keyId) {
    return versions.stream().filter(v -> v.keyId() != null && !v.keyId().equals(keyId)).count();
  }

  @Override
  public List<String> keyIdsInUse() {
    return versions.stream().map(SecretVersion::keyId).filter(k -> k != null).distinct().toList();
  }

  @Override
  public List<SecretVersion> previousVersions(java.time.Instant now) {
    return versions.stream()
        .filter(v -> v.state() == SecretState.PREVIOUS && v.validUntil().isAfter(now))
        .toList();
  }

  @Override
  public List<Secret> purgeable(java.time.Instant now) {
    return secrets.stream()
        .filter(s -> s.purgeAfter() != null && !s.purgeAfter().isAfter(now))
        .toList();
  }

  @Override
  public void store(Secret secret) {
    keep(secrets, secret);
  }

  @Override
  public void store(SecretVersion version) {
    keep(versions, version);
  }

  // releases and delivery

  /** Every environment announced to delivery so far, in order. */
  public List<java.util.UUID> announced() {
    return changes.stream().map(DeliveryChange::environmentId).toList();
  }

  @Override
  public void changed(java.util.UUID environmentId) {
    announceChange(environmentId);
  }

  @Override
  public Optional<Release> latest(Environment environment) {
    return latest(environment.id());
  }

  @Override
  public Optional<Release> latest(java.util.UUID environmentId) {
    return releases.stream()
        .filter(r -> r.environment().id().equals(environmentId))
        .max(Comparator.comparingInt(Release::number));
  }

  @Override
  public Optional<Release> find(Environment environment, int number) {
    return releases.stream()
        .filter(r -> r.environment() == environment && r.number() == number)
        .findFirst();
  }

  @Override
  public List<Release> list(Environment environment, Integer before, int limit) {
    return releases.stream()
        .filter(r -> r.environment() == environment && (before == null || r.number() < before))
        .sorted(Comparator.comparingInt(Release::number).reversed())
        .limit(limit + 1L)
        .toList();
  }

  @Override
  public void store(Release release) {
    if (find(release.environment(), release.number()).isPresent()) {
      throw new dev.setpoint.domain.shared.Conflict("Release " + release.number() + " exists");
    }
    releases.add(release);
  }

  @Override
  public void announceChange(java.util.UUID environmentId) {
    changes.add(new DeliveryChange(changes.size() + 1L, environmentId, clock.instant()));
  }

  @Override
  public List<DeliveryChange> changesSince(java.time.Instant since) {
    return changes.stream().filter(c -> !c.at().isBefore(since)).toList();
  }

  @Override
  public int pruneChanges(java.time.Instant before) {
    int size = changes.size();
    changes.removeIf(c -> c.at().isBefore(before));
    return size - changes.size();
  }

  @Override
  public void recordConsumers(List<Consumer> seen) {
    for (Consumer c : seen) {
      consumers.merge(
          c.environmentId() + "/" + c.instance(),
          c,
          (old, now) -> now.lastSeenAt().isBefore(old.lastSeenAt()) ? old : now);
    }
  }

  @Override
  public List<Consumer> consumers(Environment environment, String after, int limit) {
    return consumers.values().stream()
        .filter(c -> c.environmentId().equals(environment.id()))
        .filter(c -> after == null || c.instance().compareTo(after) > 0)
        .sorted(Comparator.comparing(Consumer::instance))
        .limit(limit + 1L)
        .toList();
  }

  @Override
  public List<Consumer> consumersSeenSince(java.util.UUID environmentId, java.time.Instant since) {
    return consumers.values().stream()
        .filter(c -> c.environmentId().equals(environmentId) && !c.lastSeenAt().isBefore(since))
        .toList();
  }

  @Override
  public int pruneConsumers(java.time.Instant before) {
    int size = consumers.size();
    consumers.values().removeIf(c -> c.lastSeenAt().isBefore(before));
    return size - consumers.size();
  }
}
