package dev.setpoint.domain.secret;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * Use cases on secrets. Values are sealed by the {@link Envelope} before they reach a repository
 * and only leave through {@link #reveal}; nothing here logs a value.
 */
@ApplicationScoped
@Transactional
public class SecretService {

  private static final Logger LOG = Logger.getLogger(SecretService.class.getName());

  private final EnvironmentService environments;
  private final SecretRepository secrets;
  private final Envelope envelope;
  private final SecretsConfig config;
  private final DeliveryNotices notices;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SecretService() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public SecretService(
      EnvironmentService environments,
      SecretRepository secrets,
      Envelope envelope,
      SecretsConfig config,
      DeliveryNotices notices,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.environments = environments;
    this.secrets = secrets;
    this.envelope = envelope;
    this.config = config;
    this.notices = notices;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Writes a new current version. The version it replaces is retired at once (use {@link #rotate}
   * to keep it valid for a grace period). Creates the secret on first write.
   */
  @Counted(
      name = "setpoint.secrets.writes",
      absolute = true,
      description = "Secret versions written.")
  public SecretDetail write(
      String app,
      String env,
      String key,
      String value,
      String encoding,
      Integer rotationDays,
      String actor) {
    return newVersion(app, env, key, value, encoding, rotationDays, actor, false);
  }

  /**
   * Rotates: a new current version, while the previous one stays valid for the configured grace
   * period (both are accepted during that time), after which it counts as retired.
   */
  @Counted(name = "setpoint.secrets.rotations", absolute = true, description = "Secret rotations.")
  public SecretDetail rotate(
      String app, String env, String key, String value, String encoding, String actor) {
    return newVersion(app, env, key, value, encoding, null, actor, true);
  }

  public Slice<Secret> list(String app, String env, PageRequest page) {
    Environment environment = environments.get(app, env);
    return Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value());
  }

  public SecretDetail get(String app, String env, String key) {
    Secret secret = require(environments.get(app, env), key);
    return new SecretDetail(secret, secrets.versions(secret));
  }

  /**
   * Decrypts a version (the current one when {@code version} is null). Only current versions, and
   * previous ones within their grace period, can be revealed.
   */
  @Counted(
      name = "setpoint.secrets.reveals",
      absolute = true,
      description = "Secret values revealed.")
  public Revealed reveal(String app, String env, String key, Integer version, String actor) {
    Secret secret = requireLive(app, env, key, Action.REVEAL);
    int number = version == null ? secret.currentVersion() : version;
    SecretVersion chosen =
        secrets
            .version(secret, number)
            .orElseThrow(() -> new NotFound("Secret '" + key + "' has no version " + number));
    SecretState state = chosen.stateAt(clock.instant());
    if (state != SecretState.CURRENT && state != SecretState.PREVIOUS) {
      getAudit()
          .failed(
              AuditAction.SECRET_REVEAL,
              AuditTarget.of(secret.environment()).key(key).version(number),
              "version " + number + " is " + state.wireName());
      throw new Conflict(
          "Version "
              + number
              + " of '"
              + key
              + "' is "
              + state.wireName()
              + " and cannot be revealed");
    }
    AuditTarget revealed = AuditTarget.of(secret.environment()).key(key).version(number);
    byte[] plaintext;
    try {
      plaintext = envelope.open(chosen.sealed(), chosen.place());
    } catch (RuntimeException e) {
      getAudit().failed(AuditAction.SECRET_REVEAL, revealed, "the value could not be decrypted");
      throw e;
    }
    // in this transaction: a reveal that cannot be audited is not answered
    getAudit().success(AuditAction.SECRET_REVEAL, revealed);
    return new Revealed(key, number, SecretValue.decrypted(plaintext, chosen.encoding()));
  }

  /** Soft delete: hidden from delivery, recoverable until the recovery window ends. */
  public Secret delete(String app, String env, String key) {
    Secret secret = requireLive(app, env, key, Action.WRITE);
    secret.markDeleted(config.recoveryWindow(), clock.instant());
    secrets.store(secret);
    notices.changed(secret.environment().id());
    getAudit().success(AuditAction.SECRET_DELETE, AuditTarget.of(secret.environment()).key(key));
    return secret;
  }

  /** Undoes a soft delete within the recovery window. */
  public Secret recover(String app, String env, String key) {
    Secret secret = require(environment(app, env, Action.WRITE), key);
    if (!secret.deleted()) {
      throw new Conflict("Secret '" + key + "' is not deleted");
    }
    secret.recover(clock.instant());
    secrets.store(secret);
    notices.changed(secret.environment().id());
    getAudit().success(AuditAction.SECRET_RECOVER, AuditTarget.of(secret.environment()).key(key));
    return secret;
  }

  /** Removes every ciphertext of a deleted secret for good; the metadata stays as history. */
  public SecretDetail destroy(String app, String env, String key) {
    Secret secret = require(environment(app, env, Action.WRITE), key);
    if (!secret.deleted()) {
      throw new Conflict("Delete secret '" + key + "' before destroying it");
    }
    destroyVersions(secret);
    getAudit().success(AuditAction.SECRET_DESTROY, AuditTarget.of(secret.environment()).key(key));
    return new SecretDetail(secret, secrets.versions(secret));
  }

  /** Destroys deleted secrets whose recovery window has ended; returns how many. */
  public int purgeExpired() {
    List<Secret> expired = secrets.purgeable(clock.instant());
    for (Secret secret : expired) {
      destroyVersions(secret);
      getAudit()
          .success(
              AuditAction.SECRET_PURGE,
              AuditTarget.of(secret.environment()).key(secret.key().value()),
              "its recovery window ended");
    }
    return expired.size();
  }

  private void destroyVersions(Secret secret) {
    notices.changed(secret.environment().id());
    for (SecretVersion version : secrets.versions(secret)) {
      if (version.state() != SecretState.DESTROYED) {
        version.destroy(clock.instant());
        secrets.store(version);
      }
    }
  }

  private SecretDetail newVersion(
      String app,
      String env,
      String key,
      String value,
      String encoding,
      Integer rotationDays,
      String actor,
      boolean rotation) {
    Environment environment = environment(app, env, Action.WRITE);
    SettingKey settingKey = SettingKey.of("key", key);
    Secret secret = secrets.find(environment, settingKey).orElse(null);
    if (rotation && secret == null) {
      throw notFound(environment, settingKey);
    }
    if (secret != null && secret.deleted()) {
      throw deleted(secret);
    }
    if (rotationDays != null
        && (rotationDays < ApiLimits.MIN_ROTATION_DAYS
            || rotationDays > ApiLimits.MAX_ROTATION_DAYS)) {
      throw new InvalidValue(
          "rotationDays",
          "must be between " + ApiLimits.MIN_ROTATION_DAYS + " and " + ApiLimits.MAX_ROTATION_DAYS);
    }
    SecretValue plaintext = SecretValue.of(value, encoding, config.maxBytes());
    refuseWithForeignKeys();
    try {
      Envelope.Fingerprint fingerprint =
          envelope.fingerprint(scopeOf(environment.application()), plaintext.bytes());
      refuseReuse(environment, settingKey, fingerprint);
      if (secret == null) {
        secret = new Secret(environment, settingKey, rotationDays, clock.instant());
        secrets.store(secret);
      } else if (rotationDays != null) {
        secret.changePolicy(rotationDays, clock.instant());
      }
      int number = secret.currentVersion() + 1;
      demoteCurrent(secret, rotation);
      SecretVersion created =
          new SecretVersion(
              secret,
              number,
              actor,
              plaintext.encoding(),
              envelope.seal(plaintext.bytes(), secret.placeOf(number)),
              fingerprint,
              clock.instant());
      secrets.store(created);
      secret.advanceTo(number, rotation, clock.instant());
      secrets.store(secret);
      getAudit()
          .success(
              rotation ? AuditAction.SECRET_ROTATE : AuditAction.SECRET_WRITE,
              AuditTarget.of(environment).key(settingKey.value()).version(number));
      return new SecretDetail(secret, secrets.versions(secret));
    } finally {
      plaintext.wipe();
    }
  }

  /**
   * Makes room for a new current version: on a rotation the current one stays valid for the grace
   * period; every other current or previous version is retired.
   */
  private void demoteCurrent(Secret secret, boolean rotation) {
    Instant now = clock.instant();
    for (SecretVersion version : secrets.versions(secret)) {
      if (rotation && version.state() == SecretState.CURRENT) {
        version.keepValidUntil(now.plus(config.rotationGrace()), clock.instant());
        secrets.store(version);
      } else if (version.state() == SecretState.CURRENT
          || version.state() == SecretState.PREVIOUS) {
        version.retire(clock.instant());
        secrets.store(version);
      }
    }
  }

  /**
   * One value shared by production and another environment is a classic mistake: refuse (or warn
   * about) a production secret whose value is current anywhere else in the application.
   */
  private void refuseReuse(
      Environment environment, SettingKey key, Envelope.Fingerprint fingerprint) {
    if (!environment.production()) {
      return;
    }
    List<SecretVersion> same =
        secrets.currentWithFingerprint(
            environment.application(),
            environment,
            fingerprint.keyId(),
            java.util.HexFormat.of().formatHex(fingerprint.value()));
    if (same.isEmpty()) {
      return;
    }
    SecretVersion other = same.get(0);
    if (config.reusePolicy() == SecretsConfig.ReusePolicy.WARN) {
      LOG.warning(
          () ->
              "Production secret '"
                  + key
                  + "' reuses the current value of '"
                  + other.secret().key()
                  + "' in environment '"
                  + other.secret().environment().slug()
                  + "'");
      return;
    }
    // the answer does not say where: the writer may not be allowed to read that environment
    throw new Conflict(
        "The value of production secret '"
            + key
            + "' is the current value of a secret in another environment of the application;"
            + " give every environment its own secret");
  }

  /**
   * Writing while stored data keys are wrapped by keys that are not loaded (a wrong key file) would
   * mix two key sets in one database: refuse until the right keys are back.
   */
  private void refuseWithForeignKeys() {
    List<String> foreign = envelope.notLoaded(secrets.keyIdsInUse());
    if (!foreign.isEmpty()) {
      throw new KeysUnavailable(
          "Secrets are unavailable: stored data keys are wrapped by master keys that are not"
              + " loaded "
              + foreign);
    }
  }

  private static byte[] scopeOf(Application application) {
    return application.id().toString().getBytes(StandardCharsets.UTF_8);
  }

  private Secret require(Environment environment, String key) {
    SettingKey settingKey = SettingKey.of("key", key);
    return secrets
        .find(environment, settingKey)
        .orElseThrow(() -> notFound(environment, settingKey));
  }

  private Environment environment(String app, String env, Action action) {
    Environment environment = environments.get(app, env);
    getAccess().require(action, environment);
    return environment;
  }

  private Access getAccess() {
    return access;
  }

  private Secret requireLive(String app, String env, String key, Action action) {
    Secret secret = require(environment(app, env, action), key);
    if (secret.deleted()) {
      throw deleted(secret);
    }
    return secret;
  }

  private static NotFound notFound(Environment environment, SettingKey key) {
    return new NotFound("Environment '" + environment.slug() + "' has no secret '" + key + "'");
  }

  private static Conflict deleted(Secret secret) {
    return new Conflict(
        "Secret '"
            + secret.key()
            + "' is deleted; recover it first (until "
            + secret.purgeAfter()
            + ")");
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
