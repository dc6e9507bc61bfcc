package dev.setpoint.domain.readiness;

import dev.setpoint.domain.readiness.ReadinessPatterns.KeyValue;
import dev.setpoint.domain.readiness.ReadinessSubject.SecretFact;
import dev.setpoint.domain.readiness.ReadinessSubject.Setting;
import dev.setpoint.domain.readiness.ReadinessSubject.TokenFact;
import dev.setpoint.domain.setting.CredentialPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules applied to one environment: a pure function from what is stored to findings, so each
 * rule can be tested on fixtures. Findings name keys, never values.
 */
public final class ReadinessRules {

  private ReadinessRules() {}

  public static List<Finding> evaluate(ReadinessSubject subject) {
    List<Finding> found = new ArrayList<>();
    for (Map.Entry<String, Setting> entry : subject.settings().entrySet()) {
      settingRules(subject.production(), entry.getKey(), entry.getValue(), found);
    }
    for (SecretFact secret : subject.secrets()) {
      secretRules(subject.production(), secret, found);
    }
    for (TokenFact token : subject.tokens()) {
      tokenRules(subject, token, found);
    }
    if (subject.production()) {
      environmentRules(subject, found);
    }
    return found;
  }

  private static void settingRules(
      boolean production, String key, Setting setting, List<Finding> found) {
    String value = setting.value();
    if (value == null) {
      if (setting.required()) {
        found.add(new Finding(ReadinessRule.REQUIRED_SETTING_MISSING, key, "required, no value"));
      }
      return;
    }
    credentialRules(key, value, found);
    if (production) {
      productionSettingRules(key, value, found);
    }
  }

  /** A known credential shape, or a random-looking value under a credential's name. */
  private static void credentialRules(String key, String value, List<Finding> found) {
    CredentialPatterns.find(value)
        .ifPresentOrElse(
            shape ->
                found.add(
                    new Finding(
                        ReadinessRule.CREDENTIAL_IN_SETTING, key, "holds a " + shape.name())),
            () -> {
              if (looksRandom(key, value)) {
                found.add(
                    new Finding(
                        ReadinessRule.CREDENTIAL_IN_SETTING,
                        key,
                        "a random-looking value under a credential's name"));
              }
            });
  }

  private static boolean looksRandom(String key, String value) {
    return ReadinessPatterns.CREDENTIAL_KEY.matcher(key).matches()
        && value.length() >= ReadinessPatterns.CREDENTIAL_MIN_LENGTH
        && entropy(value) >= ReadinessPatterns.CREDENTIAL_MIN_ENTROPY
        && characterClasses(value) >= 2;
  }

  private static void productionSettingRules(String key, String value, List<Finding> found) {
    matchAny(ReadinessPatterns.DEBUG, key, value, ReadinessRule.DEBUG_IN_PRODUCTION, found);
    matchAny(
        ReadinessPatterns.VERBOSE_LOGGING,
        key,
        value,
        ReadinessRule.VERBOSE_LOGGING_IN_PRODUCTION,
        found);
    matchAny(
        ReadinessPatterns.DEVELOPMENT_PROFILE,
        key,
        value,
        ReadinessRule.DEVELOPMENT_PROFILE_IN_PRODUCTION,
        found);
    matchAny(
        ReadinessPatterns.TLS_VERIFICATION_OFF,
        key,
        value,
        ReadinessRule.TLS_VERIFICATION_DISABLED,
        found);
    if (ReadinessPatterns.PLAIN_URL.matcher(value).find()) {
      found.add(new Finding(ReadinessRule.PLAIN_HTTP_URL, key, "an unencrypted URL"));
    }
    if (ReadinessPatterns.LOOPBACK.matcher(value).find()) {
      found.add(new Finding(ReadinessRule.LOOPBACK_URL, key, "a loopback address"));
    }
  }

  private static void matchAny(
      List<KeyValue> patterns, String key, String value, ReadinessRule rule, List<Finding> found) {
    if (patterns.stream().anyMatch(p -> p.matches(key, value))) {
      found.add(new Finding(rule, key, null));
    }
  }

  private static void secretRules(boolean production, SecretFact secret, List<Finding> found) {
    if (!secret.sharedWith().isEmpty()) {
      found.add(
          new Finding(
              ReadinessRule.SECRET_SHARED_BETWEEN_ENVIRONMENTS,
              secret.key(),
              "same value as in " + String.join(", ", secret.sharedWith())));
    }
    if (secret.rotationDue()) {
      found.add(
          new Finding(
              ReadinessRule.SECRET_ROTATION_OVERDUE,
              secret.key(),
              "policy: every " + secret.rotationDays() + " days"));
    }
    if (production && secret.rotationDays() == null) {
      found.add(new Finding(ReadinessRule.SECRET_WITHOUT_ROTATION_POLICY, secret.key(), null));
    }
  }

  private static void tokenRules(ReadinessSubject subject, TokenFact token, List<Finding> found) {
    String key = "token:" + token.id();
    if (token.expiresAt() == null) {
      found.add(new Finding(ReadinessRule.TOKEN_WITHOUT_EXPIRY, key, "'" + token.name() + "'"));
    }
    java.time.Instant lastActivity =
        token.lastUsedAt() != null ? token.lastUsedAt() : token.createdAt();
    if (lastActivity.isBefore(subject.now().minus(ReadinessPatterns.TOKEN_IDLE))) {
      found.add(
          new Finding(
              ReadinessRule.TOKEN_UNUSED,
              key,
              "'"
                  + token.name()
                  + "', "
                  + (token.lastUsedAt() == null
                      ? "never used"
                      : "last used " + token.lastUsedAt())));
    }
  }

  private static void environmentRules(ReadinessSubject subject, List<Finding> found) {
    if (!subject.released()) {
      found.add(new Finding(ReadinessRule.PRODUCTION_WITHOUT_RELEASE, null, null));
    } else if (subject.unpublishedChanges()) {
      found.add(new Finding(ReadinessRule.UNPUBLISHED_CHANGES, null, null));
    }
    if (subject.stagingKeys() != null) {
      TreeSet<String> here = new TreeSet<>();
      subject
          .settings()
          .forEach(
              (k, s) -> {
                if (s.value() != null) {
                  here.add(k);
                }
              });
      subject.secrets().forEach(s -> here.add(s.key()));
      for (String key : here) {
        if (!subject.stagingKeys().contains(key)) {
          found.add(new Finding(ReadinessRule.DRIFT_FROM_STAGING, key, "only in production"));
        }
      }
      for (String key : new TreeSet<>(subject.stagingKeys())) {
        if (!here.contains(key)) {
          found.add(new Finding(ReadinessRule.DRIFT_FROM_STAGING, key, "only in staging"));
        }
      }
    }
  }

  /**
   * How many of lower case, upper case and digits {@code text} mixes: generated credentials mix
   * them, hyphenated words (long and varied as they are) do not.
   */
  static int characterClasses(String text) {
    int classes = 0;
    classes += text.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += text.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += text.chars().anyMatch(Character::isDigit) ? 1 : 0;
    return classes;
  }

  /** Shannon entropy of {@code text} in bits per character. */
  static double entropy(String text) {
    Map<Integer, Integer> counts = new java.util.HashMap<>();
    text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    double length = text.codePointCount(0, text.length());
    double bits = 0;
    for (int count : counts.values()) {
      double p = count / length;
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }
}
