package dev.setpoint.domain.readiness;

import dev.setpoint.domain.access.ServiceToken;
import dev.setpoint.domain.access.ServiceTokenRepository;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.readiness.ReadinessSubject.SecretFact;
import dev.setpoint.domain.readiness.ReadinessSubject.Setting;
import dev.setpoint.domain.readiness.ReadinessSubject.TokenFact;
import dev.setpoint.domain.release.NextRelease;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.ResolvedSetting;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gathers what the rules look at for one environment ({@link ReadinessSubject}) from the stores:
 * settings, secret metadata and shared values, tokens, and the release state. Internal to
 * evaluation; it runs inside the evaluating transaction, as the system.
 */
@ApplicationScoped
public class ReadinessSubjects {

  private final EnvironmentRepository environments;
  private final SettingService settings;
  private final SecretRepository secrets;
  private final ServiceTokenRepository tokens;
  private final ReleaseRepository releases;
  private final NextRelease nextRelease;

  /** For the CDI container's proxy only. */
  protected ReadinessSubjects() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public ReadinessSubjects(
      EnvironmentRepository environments,
      SettingService settings,
      SecretRepository secrets,
      ServiceTokenRepository tokens,
      ReleaseRepository releases,
      NextRelease nextRelease) {
    this.environments = environments;
    this.settings = settings;
    this.secrets = secrets;
    this.tokens = tokens;
    this.releases = releases;
    this.nextRelease = nextRelease;
  }

  /** Everything the rules look at for {@code environment} at {@code now}. */
  ReadinessSubject of(Environment environment, Instant now) {
    boolean released = releases.latest(environment).isPresent();
    boolean unpublished = released && nextRelease.unpublished(environment);
    // only production is compared with its siblings
    List<Environment> siblings = environment.production() ? siblings(environment) : List.of();
    return new ReadinessSubject(
        environment.production(),
        settingsOf(environment),
        secretFacts(environment, siblings, now),
        tokenFacts(environment, now),
        environment.production() ? stagingKeys(siblings) : null,
        released,
        unpublished,
        now);
  }

  /** When each production secret's current value was written; empty for other environments. */
  Map<String, Instant> currentSince(Environment environment) {
    Map<String, Instant> since = new HashMap<>();
    if (environment.production()) {
      currentVersions(environment).forEach(v -> since.put(v.secret().key().value(), v.createdAt()));
    }
    return since;
  }

  private Map<String, Setting> settingsOf(Environment environment) {
    Map<String, Setting> values = new TreeMap<>();
    for (ResolvedSetting s : resolved(environment)) {
      values.put(s.key().value(), new Setting(s.value(), s.required()));
    }
    return values;
  }

  private List<SecretFact> secretFacts(
      Environment environment, List<Environment> siblings, Instant now) {
    Map<String, List<SecretVersion>> elsewhere = fingerprints(siblings);
    List<SecretFact> facts = new ArrayList<>();
    for (SecretVersion version : currentVersions(environment)) {
      Secret secret = version.secret();
      facts.add(
          new SecretFact(
              secret.key().value(),
              secret.rotationDays(),
              secret.rotationDue(now),
              sharedBefore(version, elsewhere.getOrDefault(fingerprint(version), List.of()))));
    }
    return facts;
  }

  /** The current secret versions of {@code siblings}, by fingerprint. */
  private Map<String, List<SecretVersion>> fingerprints(List<Environment> siblings) {
    Map<String, List<SecretVersion>> byFingerprint = new HashMap<>();
    for (Environment sibling : siblings) {
      for (SecretVersion version : currentVersions(sibling)) {
        byFingerprint.computeIfAbsent(fingerprint(version), k -> new ArrayList<>()).add(version);
      }
    }
    return byFingerprint;
  }

  /** The keys of the staging sibling, or null when there is none. */
  private Set<String> stagingKeys(List<Environment> siblings) {
    Set<String> keys = null;
    for (Environment sibling : siblings) {
      if (sibling.slug().value().equals("staging")) {
        keys = keysOf(sibling);
      }
    }
    return keys;
  }

  private List<TokenFact> tokenFacts(Environment environment, Instant now) {
    Application application = environment.application();
    List<TokenFact> facts = new ArrayList<>();
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
        facts.add(
            new TokenFact(
                token.id().toString(),
                token.name(),
                token.expiresAt(),
                token.lastUsedAt(),
                token.createdAt()));
      }
    }
    return facts;
  }

  /** The application's other environments. */
  private List<Environment> siblings(Environment environment) {
    return Pages.all(
            page ->
                Slice.of(
                    environments.list(environment.application(), page),
                    page.limit(),
                    e -> e.slug().value()))
        .stream()
        .filter(sibling -> !sibling.id().equals(environment.id()))
        .toList();
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
    for (ResolvedSetting s : resolved(environment)) {
      if (s.value() != null) {
        keys.add(s.key().value());
      }
    }
    currentVersions(environment).forEach(v -> keys.add(v.secret().key().value()));
    return keys;
  }

  private List<ResolvedSetting> resolved(Environment environment) {
    return Pages.all(page -> settings.resolve(environment.ref(), page));
  }
}
