package dev.setpoint.domain.secret;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** Where secrets and their versions are kept. */
public interface SecretRepository {

  Optional<Secret> find(Environment environment, SettingKey key);

  /** Up to {@code page.limit() + 1} secrets of an environment, deleted ones included, by key. */
  List<Secret> list(Environment environment, PageRequest page);

  /** Every version of a secret, newest first. */
  List<SecretVersion> versions(Secret secret);

  Optional<SecretVersion> version(Secret secret, int number);

  /**
   * Version {@code number} of the secret {@code key} of an environment while its ciphertext still
   * exists (not destroyed), as a release that pins it needs it.
   */
  default Optional<SecretVersion> sealedVersion(Environment environment, String key, int number) {
    return find(environment, new SettingKey(key))
        .flatMap(secret -> version(secret, number))
        .filter(v -> v.state() != SecretState.DESTROYED && v.sealed() != null);
  }

  /**
   * Current versions of {@code application}'s secrets outside {@code except} whose fingerprint,
   * made with key {@code fingerprintKeyId}, equals {@code fingerprint}.
   */
  List<SecretVersion> currentWithFingerprint(
      Application application, Environment except, String fingerprintKeyId, String fingerprint);

  /** Secrets with a rotation policy, for the overdue gauge. */
  List<Secret> withRotationPolicy();

  /** Up to {@code limit} versions still holding a data key wrapped by another key than this one. */
  List<SecretVersion> wrappedByOtherThan(String keyId, int limit);

  /** How many versions hold a data key wrapped by another key than this one. */
  long countWrappedByOtherThan(String keyId);

  /** The distinct master-key ids that wrap at least one stored data key. */
  List<String> keyIdsInUse();

  /** Versions replaced by a rotation whose grace period has not ended at {@code now}. */
  List<SecretVersion> previousVersions(java.time.Instant now);

  /** Deleted secrets whose recovery window has ended. */
  List<Secret> purgeable(java.time.Instant now);

  void store(Secret secret);

  void store(SecretVersion version);
}
