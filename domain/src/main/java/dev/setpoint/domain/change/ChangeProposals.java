package dev.setpoint.domain.change;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.rollout.RolloutPlan;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretValue;
import dev.setpoint.domain.secret.SecretsConfig;
import dev.setpoint.domain.setting.CredentialPatterns;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks proposed changes against an environment and records the base of each: the version of the
 * key it writes (or of the latest release, for a publish). Secret values are sealed here and their
 * plaintext dropped. Internal: it decides no access, the use cases have done so.
 */
@ApplicationScoped
public class ChangeProposals {

  /** Most changes one request may carry. */
  public static final int MAX_CHANGES = 500;

  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final ReleaseRepository releases;
  private final Envelope envelope;
  private final SecretsConfig secretsConfig;

  /** For the CDI container's proxy only. */
  protected ChangeProposals() {
    this(null, null, null, null, null);
  }

  @Inject
  public ChangeProposals(
      SettingRepository settings,
      SecretRepository secrets,
      ReleaseRepository releases,
      Envelope envelope,
      SecretsConfig secretsConfig) {
    this.settings = settings;
    this.secrets = secrets;
    this.releases = releases;
    this.envelope = envelope;
    this.secretsConfig = secretsConfig;
  }

  /** The checked changes of request {@code number}; 400 naming each field and rule otherwise. */
  List<ProposedChange> check(Environment environment, int number, List<ChangeInput> inputs) {
    if (inputs == null || inputs.isEmpty()) {
      throw new InvalidValue("changes", "must hold at least one change");
    }
    if (inputs.size() > MAX_CHANGES) {
      throw new InvalidValue("changes", "must hold at most " + MAX_CHANGES + " changes");
    }
    List<ProposedChange> checked = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      String field = "changes[" + i + "]";
      ChangeInput input = inputs.get(i);
      if (input == null) {
        throw new InvalidValue(field, "must be a change object");
      }
      ProposedChange.Op op = ProposedChange.Op.named(input.op());
      if (op == null) {
        throw new InvalidValue(field + ".op", "must be one of " + ProposedChange.Op.names());
      }
      if (op == ProposedChange.Op.PUBLISH) {
        if (i != inputs.size() - 1) {
          throw new InvalidValue(field + ".op", "a publish must be the last change");
        }
        checked.add(publish(environment, field, input));
        continue;
      }
      SettingKey key = SettingKey.of(field + ".key", input.key());
      if (!keys.add(key.value())) {
        throw new InvalidValue(field + ".key", "must not repeat a key changed before it");
      }
      checked.add(keyed(environment, number, field, op, key, input));
    }
    return checked;
  }

  private ProposedChange keyed(
      Environment environment,
      int number,
      String field,
      ProposedChange.Op op,
      SettingKey key,
      ChangeInput input) {
    return switch (op) {
      case SET_SETTING -> setSetting(environment, field, key, input);
      case REMOVE_SETTING -> {
        SettingDefinition definition = definition(environment, field, key);
        SettingOverride current =
            settings
                .findOverride(definition, environment)
                .orElseThrow(
                    () ->
                        new InvalidValue(
                            field + ".key",
                            "has no override in " + environment.slug() + " to remove"));
        yield new ProposedChange(
            op, key.value(), null, null, null, null, null, String.valueOf(current.version()));
      }
      case SET_SECRET -> setSecret(environment, number, field, key, input);
      case DELETE_SECRET -> {
        Secret secret =
            secrets
                .find(environment, key)
                .filter(s -> !s.deleted())
                .orElseThrow(
                    () -> new InvalidValue(field + ".key", "is not a live secret to delete"));
        yield new ProposedChange(
            op, key.value(), null, null, null, null, null, secretBase(Optional.of(secret)));
      }
      case PUBLISH -> throw new IllegalStateException("a publish has no key");
    };
  }

  private ProposedChange setSetting(
      Environment environment, String field, SettingKey key, ChangeInput input) {
    SettingDefinition definition = definition(environment, field, key);
    if (input.value() == null) {
      throw new InvalidValue(field + ".value", "is required: the setting's new value");
    }
    String value = definition.type().parse(field + ".value", input.value());
    CredentialPatterns.find(value)
        .ifPresent(
            shape -> {
              throw new InvalidValue(
                  field + ".value",
                  "looks like a credential ("
                      + shape.name()
                      + "); store it as a secret, not as a setting");
            });
    String base =
        settings
            .findOverride(definition, environment)
            .map(o -> String.valueOf(o.version()))
            .orElse(ProposedChange.ABSENT);
    String json = definition.type().toJson(value).toString();
    return new ProposedChange(
        ProposedChange.Op.SET_SETTING, key.value(), json, null, null, null, null, base);
  }

  private ProposedChange setSecret(
      Environment environment, int number, String field, SettingKey key, ChangeInput input) {
    if (input.value() == null) {
      throw new InvalidValue(field + ".value", "is required: the secret's new value");
    }
    Optional<Secret> existing = secrets.find(environment, key);
    if (existing.isPresent() && existing.get().deleted()) {
      throw new InvalidValue(field + ".key", "is a deleted secret; recover it first");
    }
    SecretValue checked;
    try {
      checked = SecretValue.of(input.value(), input.encoding(), secretsConfig.maxBytes());
    } catch (InvalidValue e) {
      throw new InvalidValue(
          e.violations().stream()
              .map(v -> new InvalidValue.Violation(field + "." + v.field(), v.rule()))
              .toList());
    }
    try {
      Envelope.Sealed sealed =
          envelope.seal(
              input.value().getBytes(StandardCharsets.UTF_8),
              place(environment, number, key.value()));
      return new ProposedChange(
          ProposedChange.Op.SET_SECRET,
          key.value(),
          null,
          sealed,
          checked.encoding(),
          null,
          null,
          secretBase(existing));
    } finally {
      checked.wipe();
    }
  }

  private ProposedChange publish(Environment environment, String field, ChangeInput input) {
    if (input.key() != null || input.value() != null) {
      throw new InvalidValue(field, "a publish takes no key or value, only message and rollout");
    }
    if (input.message() != null && input.message().length() > ApiLimits.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          field + ".message", "must be at most " + ApiLimits.MAX_MESSAGE_LENGTH + " characters");
    }
    return new ProposedChange(
        ProposedChange.Op.PUBLISH,
        null,
        null,
        null,
        null,
        input.message(),
        input.rollout() == null
            ? null
            : RolloutPlan.fromJson(field + ".rollout", input.rollout()).toJson(),
        releaseBase(environment));
  }

  /** The base of a publish: the latest release's number. */
  String releaseBase(Environment environment) {
    return releases
        .latest(environment)
        .map(Release::number)
        .map(String::valueOf)
        .orElse(ProposedChange.ABSENT);
  }

  /** What the change's key (or the latest release) is now, in the terms of its base. */
  String currentBase(Environment environment, ProposedChange change) {
    return switch (change.op()) {
      case SET_SETTING, REMOVE_SETTING ->
          settings
              .findDefinition(environment.application(), new SettingKey(change.key()))
              .flatMap(d -> settings.findOverride(d, environment))
              .map(o -> String.valueOf(o.version()))
              .orElse(ProposedChange.ABSENT);
      case SET_SECRET, DELETE_SECRET ->
          secretBase(secrets.find(environment, new SettingKey(change.key())));
      case PUBLISH -> releaseBase(environment);
    };
  }

  private static String secretBase(Optional<Secret> secret) {
    return secret
        .filter(s -> !s.deleted() && s.currentVersion() > 0)
        .map(s -> "v" + s.currentVersion())
        .orElse(ProposedChange.ABSENT);
  }

  private SettingDefinition definition(Environment environment, String field, SettingKey key) {
    return settings
        .findDefinition(environment.application(), key)
        .orElseThrow(
            () ->
                new InvalidValue(
                    field + ".key",
                    "names no setting of application " + environment.application().slug()));
  }

  /** Where a proposed secret value is sealed: bound to its request and key. */
  static byte[] place(Environment environment, int number, String key) {
    return ("setpoint/change-request/v1|"
            + environment.application().id()
            + "|"
            + environment.id()
            + "|"
            + number
            + "|"
            + key)
        .getBytes(StandardCharsets.UTF_8);
  }
}
