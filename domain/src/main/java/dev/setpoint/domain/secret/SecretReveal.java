package dev.setpoint.domain.secret;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * The one way a secret value leaves Setpoint outside delivery: revealed on purpose, to a caller
 * with the reveal right, and audited in the same transaction. Nothing here logs a value.
 */
@ApplicationScoped
@Transactional
public class SecretReveal {

  private final SecretLookup lookup;
  private final SecretRepository secrets;
  private final Envelope envelope;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SecretReveal() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public SecretReveal(
      EnvironmentService environments,
      SecretRepository secrets,
      Envelope envelope,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.lookup = new SecretLookup(environments, secrets, access);
    this.secrets = secrets;
    this.envelope = envelope;
    this.audit = audit;
  }

  /**
   * Decrypts a version (the current one when {@code version} is null). Only current versions, and
   * previous ones within their grace period, can be revealed.
   */
  @Counted(
      name = "setpoint.secrets.reveals",
      absolute = true,
      description = "Secret values revealed.")
  public Revealed reveal(EnvironmentRef where, SettingKey key, Integer version, String actor) {
    Secret secret = lookup.requireLive(where, key, Action.REVEAL);
    int number = version == null ? secret.currentVersion() : version;
    SecretVersion chosen = revealable(secret, key.value(), number);
    AuditTarget revealed = AuditTarget.of(secret.environment()).key(key.value()).version(number);
    byte[] plaintext;
    try {
      plaintext = envelope.open(chosen.sealed(), chosen.place());
    } catch (RuntimeException e) {
      audit.failed(AuditAction.SECRET_REVEAL, revealed, "the value could not be decrypted");
      throw e;
    }
    // in this transaction: a reveal that cannot be audited is not answered
    audit.success(AuditAction.SECRET_REVEAL, revealed);
    return new Revealed(key.value(), number, SecretValue.decrypted(plaintext, chosen.encoding()));
  }

  /** Version {@code number} while it is current or within its grace period. */
  private SecretVersion revealable(Secret secret, String key, int number) {
    SecretVersion chosen =
        secrets
            .version(secret, number)
            .orElseThrow(() -> new NotFound("Secret '" + key + "' has no version " + number));
    SecretState state = chosen.stateAt(clock.instant());
    if (state != SecretState.CURRENT && state != SecretState.PREVIOUS) {
      audit.failed(
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
    return chosen;
  }
}
