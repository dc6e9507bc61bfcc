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
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * Use cases that write a secret's next version: a plain write, which retires the version it
 * replaces, and a rotation, which keeps it valid for a grace period. Values are sealed by the
 * {@link Envelope} before they reach a repository; nothing here logs a value.
 */
@ApplicationScoped
@Transactional
public class SecretWriter {

  private static final Logger LOG = Logger.getLogger(SecretWriter.class.getName());

  private final SecretLookup lookup;
  private final SecretRepository secrets;
  private final Envelope envelope;
  private final SecretsConfig config;
  private final AuditTrail audit;
  private final ChangeControl control;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SecretWriter() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public SecretWriter(
      EnvironmentService environments,
      SecretRepository secrets,
      Envelope envelope,
      SecretsConfig config,
      Access access,
      AuditTrail audit,
      ChangeControl control,
      Clock clock) {
    this.control = control;
    this.clock = clock;
    this.lookup = new SecretLookup(environments, secrets, access);
    this.secrets = secrets;
    this.envelope = envelope;
    this.config = config;
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
  public SecretDetail write(WriteSecret command, Integer rotationDays) {
    return newVersion(command, rotationDays, false);
  }

  /**
   * Rotates: a new current version, while the previous one stays valid for the configured grace
   * period (both are accepted during that time), after which it counts as retired.
   */
  @Counted(name = "setpoint.secrets.rotations", absolute = true, description = "Secret rotations.")
  public SecretDetail rotate(WriteSecret command) {
    return newVersion(command, null, true);
  }

  private SecretDetail newVersion(WriteSecret command, Integer rotationDays, boolean rotation) {
    Environment environment = lookup.environment(command.where(), Action.WRITE);
    control.requireDirect(environment);
    SettingKey settingKey = command.key();
    Secret existing = writable(environment, settingKey, rotation);
    if (rotationDays != null
        && (rotationDays < ApiLimits.MIN_ROTATION_DAYS
            || rotationDays > ApiLimits.MAX_ROTATION_DAYS)) {
      throw new InvalidValue(
          "rotationDays",
          "must be between " + ApiLimits.MIN_ROTATION_DAYS + " and " + ApiLimits.MAX_ROTATION_DAYS);
    }
    SecretValue plaintext = SecretValue.of(command.value(), command.encoding(), config.maxBytes());
    refuseWithForeignKeys();
    try {
      Envelope.Fingerprint fingerprint =
          envelope.fingerprint(scopeOf(environment.application()), plaintext.bytes());
      refuseReuse(environment, settingKey, fingerprint);
      Secret secret = withPolicy(existing, environment, settingKey, rotationDays);
      int number = append(secret, plaintext, fingerprint, command.actor(), rotation);
      audit.success(
          rotation ? AuditAction.SECRET_ROTATE : AuditAction.SECRET_WRITE,
          AuditTarget.of(environment).key(settingKey.value()).version(number));
      return new SecretDetail(secret, secrets.versions(secret));
    } finally {
      plaintext.wipe();
    }
  }

  /** The secret a new version goes to, or null when a write creates it. */
  private Secret writable(Environment environment, SettingKey key, boolean rotation) {
    Secret secret = secrets.find(environment, key).orElse(null);
    if (rotation && secret == null) {
      throw SecretLookup.notFound(environment, key);
    }
    if (secret != null && secret.deleted()) {
      throw SecretLookup.deleted(secret);
    }
    return secret;
  }

  /** The secret, created on first write, with the rotation policy when one is given. */
  private Secret withPolicy(
      Secret existing, Environment environment, SettingKey key, Integer rotationDays) {
    if (existing == null) {
      Secret created = new Secret(environment, key, rotationDays, clock.instant());
      secrets.store(created);
      return created;
    }
    if (rotationDays != null) {
      existing.changePolicy(rotationDays, clock.instant());
    }
    return existing;
  }

  /** Seals and stores the next version as the current one; returns its number. */
  private int append(
      Secret secret,
      SecretValue plaintext,
      Envelope.Fingerprint fingerprint,
      String actor,
      boolean rotation) {
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
    return number;
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
            HexFormat.of().formatHex(fingerprint.value()));
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
}
