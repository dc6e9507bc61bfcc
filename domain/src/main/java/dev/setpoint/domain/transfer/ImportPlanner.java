package dev.setpoint.domain.transfer;

import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.CredentialPatterns;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, key by key, what importing a value into one target does (see docs/import.md): what the
 * target already holds wins over a guess (a defined setting keeps its type, an existing secret
 * stays a secret), then the caller's type for the key, then the inferred type; credentials become
 * secrets, which only environments hold.
 */
final class ImportPlanner {

  /** The type a caller may give a key instead of the inferred one. */
  static final String SECRET = "secret";

  private final TargetState target;
  private final Map<String, String> types;
  private final ImportLimits limits;
  private final int maxSecretBytes;
  private final Envelope envelope;
  private boolean effective;
  private Map<String, SettingType> planned = Map.of();

  ImportPlanner(
      TargetState target,
      Map<String, String> types,
      ImportLimits limits,
      int maxSecretBytes,
      Envelope envelope) {
    this.target = target;
    this.types = types;
    this.limits = limits;
    this.maxSecretBytes = maxSecretBytes;
    this.envelope = envelope;
  }

  /**
   * Compares with the value in force (the default where the environment has no override), as a copy
   * does: a value equal to it is left alone.
   */
  ImportPlanner comparingEffectiveValues() {
    this.effective = true;
    return this;
  }

  /**
   * Settings another target of the same import defines (a Spring layout's defaults, planned before
   * its profiles): here they count as defined with that type, so they are not defined twice.
   */
  ImportPlanner definedElsewhere(Map<String, SettingType> types) {
    this.planned = Map.copyOf(types);
    return this;
  }

  /** Checks the caller's type names before anything is planned. */
  static void checkTypes(Map<String, String> types) {
    types.forEach(
        (key, name) -> {
          if (!SECRET.equals(name)) {
            SettingType.named("type." + key, name);
          }
        });
  }

  PlannedWrite plan(ImportedValue value) {
    String env = target.environmentName();
    String key = value.key();
    if (key == null || !key.matches(dev.setpoint.api.ApiLimits.KEY_PATTERN)) {
      return refused(key, PlanItem.Kind.SETTING, "invalid key: " + SettingKey.RULE);
    }
    if (value.shape() == ImportedValue.Shape.NULL) {
      return refused(key, PlanItem.Kind.SETTING, "no value (null)");
    }
    if (value.text().length() > limits.maxValueLength()) {
      return refused(
          key,
          PlanItem.Kind.SETTING,
          "value longer than " + limits.maxValueLength() + " characters");
    }
    String asked = types.get(key);
    Secret secret = target.secrets.get(key);
    SettingDefinition definition = target.definitions.get(key);
    if (secret != null) {
      if (asked != null && !SECRET.equals(asked)) {
        return refused(key, PlanItem.Kind.SECRET, "type mismatch: the key is a secret here");
      }
      if (secret.deleted()) {
        return refused(key, PlanItem.Kind.SECRET, "the secret is deleted; recover it first");
      }
      return secret(value, secret);
    }
    if (definition != null) {
      return definedSetting(value, definition.type(), asked, current(definition));
    }
    if (planned.containsKey(key)) {
      return definedSetting(value, planned.get(key), asked, null);
    }
    SettingType type = asked == null || SECRET.equals(asked) ? null : SettingType.named(key, asked);
    SettingType inferred = type != null ? type : TypeGuess.infer(value);
    Optional<String> credential =
        SECRET.equals(asked)
            ? Optional.of("the caller asked for a secret")
            : type == null ? TypeGuess.credential(key, value.text(), inferred) : Optional.empty();
    if (credential.isPresent()) {
      if (env == null) {
        return refused(
            key,
            PlanItem.Kind.SECRET,
            credential.get() + ": secrets belong to an environment, import it into one");
      }
      return secret(value, null);
    }
    return newSetting(value, inferred);
  }

  /** The value in force now: the default, or the environment's override (or default, in a copy). */
  private String current(SettingDefinition definition) {
    if (target.environmentName() == null) {
      return definition.defaultValue();
    }
    SettingOverride override = target.overrides.get(definition.key().value());
    return override != null ? override.value() : effective ? definition.defaultValue() : null;
  }

  private PlannedWrite definedSetting(
      ImportedValue value, SettingType type, String asked, String current) {
    String key = value.key();
    if (asked != null && !asked.equals(type.wireName())) {
      return refused(
          key,
          PlanItem.Kind.SETTING,
          "type mismatch: the setting is defined as " + type.wireName());
    }
    String json = TypeGuess.json(type, value);
    String canonical;
    try {
      canonical = type.parse("value", json);
    } catch (InvalidValue e) {
      return refused(key, PlanItem.Kind.SETTING, "type mismatch: " + e.violations().get(0).rule());
    }
    Optional<CredentialPatterns.Shape> shape = CredentialPatterns.find(canonical);
    if (shape.isPresent()) {
      return refused(
          key,
          PlanItem.Kind.SETTING,
          "the value looks like a credential ("
              + shape.get().name()
              + ") and the key is a setting; store it as a secret under another key");
    }
    PlanItem.Outcome outcome =
        current == null
            ? PlanItem.Outcome.ADD
            : current.equals(canonical) ? PlanItem.Outcome.UNCHANGED : PlanItem.Outcome.CHANGE;
    return new PlannedWrite(
        new PlanItem(
            target.environmentName(),
            key,
            PlanItem.Kind.SETTING,
            outcome,
            type,
            canonical,
            null,
            false),
        json);
  }

  private PlannedWrite newSetting(ImportedValue value, SettingType type) {
    String key = value.key();
    String json = TypeGuess.json(type, value);
    String canonical;
    try {
      canonical = type.parse("value", json);
    } catch (InvalidValue e) {
      return refused(key, PlanItem.Kind.SETTING, "type mismatch: " + e.violations().get(0).rule());
    }
    if (CredentialPatterns.find(canonical).isPresent()) {
      return refused(
          key, PlanItem.Kind.SETTING, "the value looks like a credential; store it as a secret");
    }
    return new PlannedWrite(
        new PlanItem(
            target.environmentName(),
            key,
            PlanItem.Kind.SETTING,
            PlanItem.Outcome.ADD,
            type,
            canonical,
            null,
            true),
        json);
  }

  private PlannedWrite secret(ImportedValue value, Secret existing) {
    String key = value.key();
    byte[] bytes = value.text().getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return refused(key, PlanItem.Kind.SECRET, "a secret cannot be empty");
    }
    if (bytes.length > maxSecretBytes) {
      return refused(
          key, PlanItem.Kind.SECRET, "a secret must be at most " + maxSecretBytes + " bytes");
    }
    PlanItem.Outcome outcome = PlanItem.Outcome.ADD;
    if (existing != null) {
      Optional<SecretVersion> current = target.current(existing);
      outcome =
          current.isPresent() && same(current.get(), bytes)
              ? PlanItem.Outcome.UNCHANGED
              : PlanItem.Outcome.CHANGE;
    }
    return new PlannedWrite(
        new PlanItem(
            target.environmentName(), key, PlanItem.Kind.SECRET, outcome, null, null, null, false),
        value.text());
  }

  /** Whether {@code bytes} is the version's value, by its keyed fingerprint. */
  private boolean same(SecretVersion version, byte[] bytes) {
    Envelope.Fingerprint fingerprint =
        envelope.fingerprint(
            target.application.id().toString().getBytes(StandardCharsets.UTF_8), bytes);
    return fingerprint.keyId().equals(version.fingerprintKeyId())
        && HexFormat.of().formatHex(fingerprint.value()).equals(version.fingerprint());
  }

  private PlannedWrite refused(String key, PlanItem.Kind kind, String reason) {
    return new PlannedWrite(
        PlanItem.refused(target.environmentName(), key == null ? "" : key, kind, reason), null);
  }
}
