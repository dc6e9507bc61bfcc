package dev.setpoint.domain.secret;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Use cases on a secret's life: list and read its metadata, soft delete, recover, destroy. New
 * versions are written by {@link SecretWriter}, values revealed by {@link SecretReveal}.
 */
@ApplicationScoped
@Transactional
public class SecretService {

  private final SecretLookup lookup;
  private final SecretRepository secrets;
  private final SecretsConfig config;
  private final DeliveryNotices notices;
  private final AuditTrail audit;
  private final ChangeControl control;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SecretService() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public SecretService(
      EnvironmentService environments,
      SecretRepository secrets,
      SecretsConfig config,
      DeliveryNotices notices,
      Access access,
      AuditTrail audit,
      ChangeControl control,
      Clock clock) {
    this.control = control;
    this.clock = clock;
    this.lookup = new SecretLookup(environments, secrets, access);
    this.secrets = secrets;
    this.config = config;
    this.notices = notices;
    this.audit = audit;
  }

  public Slice<Secret> list(EnvironmentRef where, PageRequest page) {
    Environment environment = lookup.readable(where);
    return Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value());
  }

  public SecretDetail get(EnvironmentRef where, SettingKey key) {
    Secret secret = lookup.require(lookup.readable(where), key);
    return new SecretDetail(secret, secrets.versions(secret));
  }

  /** Soft delete: hidden from delivery, recoverable until the recovery window ends. */
  public Secret delete(EnvironmentRef where, SettingKey key) {
    Secret secret = lookup.requireLive(where, key, Action.WRITE);
    control.requireDirect(secret.environment());
    secret.markDeleted(config.recoveryWindow(), clock.instant());
    secrets.store(secret);
    notices.changed(secret.environment().id());
    audit.success(AuditAction.SECRET_DELETE, AuditTarget.of(secret.environment()).key(key.value()));
    return secret;
  }

  /** Undoes a soft delete within the recovery window. */
  public Secret recover(EnvironmentRef where, SettingKey key) {
    Secret secret = lookup.require(lookup.environment(where, Action.WRITE), key);
    control.requireDirect(secret.environment());
    if (!secret.deleted()) {
      throw new Conflict("Secret '" + key + "' is not deleted");
    }
    secret.recover(clock.instant());
    secrets.store(secret);
    notices.changed(secret.environment().id());
    audit.success(
        AuditAction.SECRET_RECOVER, AuditTarget.of(secret.environment()).key(key.value()));
    return secret;
  }

  /** Removes every ciphertext of a deleted secret for good; the metadata stays as history. */
  public SecretDetail destroy(EnvironmentRef where, SettingKey key) {
    Secret secret = lookup.require(lookup.environment(where, Action.WRITE), key);
    control.requireDirect(secret.environment());
    if (!secret.deleted()) {
      throw new Conflict("Delete secret '" + key + "' before destroying it");
    }
    SecretPurge.destroyVersions(secret, secrets, notices, clock.instant());
    audit.success(
        AuditAction.SECRET_DESTROY, AuditTarget.of(secret.environment()).key(key.value()));
    return new SecretDetail(secret, secrets.versions(secret));
  }
}
