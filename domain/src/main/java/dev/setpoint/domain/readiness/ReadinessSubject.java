package dev.setpoint.domain.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the rules look at for one environment, gathered from the store (values of settings; of
 * secrets only metadata and which other environments share the value).
 *
 * @param settings each setting's effective value (null when it has none)
 * @param stagingKeys the keys staging has, when this is a production environment with a staging
 *     sibling; null otherwise
 * @param released whether the environment has a release
 * @param unpublishedChanges whether its current content differs from its latest release
 */
public record ReadinessSubject(
    boolean production,
    Map<String, Setting> settings,
    List<SecretFact> secrets,
    List<TokenFact> tokens,
    Set<String> stagingKeys,
    boolean released,
    boolean unpublishedChanges,
    Instant now) {

  /** A setting's effective value in the environment. */
  public record Setting(String value, boolean required) {}

  /**
   * A live secret: its rotation policy and state, and the other environments of the application
   * whose current secret has the same value (by keyed fingerprint).
   */
  public record SecretFact(
      String key, Integer rotationDays, boolean rotationDue, List<String> sharedWith) {}

  /** A service token that may read the environment. */
  public record TokenFact(
      String id, String name, Instant expiresAt, Instant lastUsedAt, Instant createdAt) {}
}
