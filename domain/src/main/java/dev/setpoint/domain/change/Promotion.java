package dev.setpoint.domain.change;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretValue;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.secret.SecretsConfig;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Promotes a release of one environment (staging's, say) onto another (production): its settings
 * become the target's values where they differ, keys only the target has stay, types must still
 * match, and every secret the release pins must already have a value of the target's own unless the
 * secrets policy allows sharing values ({@code SETPOINT_SECRETS_REUSE=warn}), in which case the
 * pinned value is copied. The changes end with a publish whose message names the source release.
 * Under a review policy this is a change request; without one it is applied at once.
 */
@ApplicationScoped
@Transactional
public class Promotion {

  /** What a promotion produced: a change request to review, or (applied at once) a release. */
  public record Promoted(ChangeRequestDetail request, Release release) {}

  private final EnvironmentService environments;
  private final EnvironmentRepository environmentStore;
  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final ReleaseRepository releases;
  private final SecretsConfig secretsConfig;
  private final Envelope envelope;
  private final ChangeProposals proposals;
  private final ChangeRequestService service;
  private final ChangeRequestRepository requests;
  private final ChangeControl control;
  private final Access access;
  private final AuditTrail audit;

  /** For the CDI container's proxy only. */
  protected Promotion() {
    this(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public Promotion(
      EnvironmentService environments,
      EnvironmentRepository environmentStore,
      SettingRepository settings,
      SecretRepository secrets,
      ReleaseRepository releases,
      SecretsConfig secretsConfig,
      Envelope envelope,
      ChangeProposals proposals,
      ChangeRequestService service,
      ChangeRequestRepository requests,
      ChangeControl control,
      Access access,
      AuditTrail audit) {
    this.environments = environments;
    this.environmentStore = environmentStore;
    this.settings = settings;
    this.secrets = secrets;
    this.releases = releases;
    this.secretsConfig = secretsConfig;
    this.envelope = envelope;
    this.proposals = proposals;
    this.service = service;
    this.requests = requests;
    this.control = control;
    this.access = access;
    this.audit = audit;
  }

  /** Promotes release {@code number} (the latest when null) of environment {@code from}. */
  public Promoted promote(EnvironmentRef to, String from, Integer number, String message) {
    Environment target = environments.get(to);
    access.require(Action.PUBLISH, target);
    Slug sourceSlug = Slug.of("from", from);
    if (sourceSlug.equals(to.env())) {
      throw new InvalidValue("from", "must name another environment than the target");
    }
    Environment source = environmentStore.named(target.application(), sourceSlug);
    access.require(Action.READ, source);
    Release release = sourceRelease(source, number);
    List<ChangeInput> inputs = mapped(source, target, release.content());
    String text =
        "Promote "
            + source.slug()
            + " release "
            + release.number()
            + (message == null ? "" : ": " + message);
    if (text.length() > Release.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue("message", "is too long to name the source release with it");
    }
    inputs.add(new ChangeInput("publish", null, null, null, text, null));
    int requestNumber = requests.lastNumber(target) + 1;
    List<ProposedChange> checked = proposals.check(target, requestNumber, inputs);
    ChangeRequestDetail opened =
        service.open(
            target,
            requestNumber,
            text,
            checked,
            new ChangeRequest.Source(source.slug().value(), release.number()));
    if (control.ruleOf(target).reviewed()) {
      audit.success(
          AuditAction.RELEASE_PROMOTE,
          AuditTarget.of(target).version(requestNumber),
          source.slug() + " release " + release.number() + " as change request " + requestNumber);
      return new Promoted(opened, null);
    }
    ChangeRequestDetail applied = service.apply(to, requestNumber);
    Release published = releases.find(target, applied.request().appliedRelease()).orElseThrow();
    audit.success(
        AuditAction.RELEASE_PROMOTE,
        AuditTarget.of(target).version(published.number()),
        source.slug() + " release " + release.number() + " as release " + published.number());
    return new Promoted(applied, published);
  }

  private Release sourceRelease(Environment source, Integer number) {
    if (number == null) {
      return releases
          .latest(source)
          .orElseThrow(() -> new InvalidValue("from", "has no release to promote"));
    }
    if (number < 1) {
      throw new InvalidValue("release", "must be a release number (a positive integer)");
    }
    return releases
        .find(source, number)
        .orElseThrow(() -> new InvalidValue("release", "names no release of " + source.slug()));
  }

  /** The target's changes: settings that differ, secrets it lacks; 422 naming each misfit. */
  private List<ChangeInput> mapped(Environment source, Environment target, ReleaseContent content) {
    List<InvalidValue.Violation> misfits = new ArrayList<>();
    List<ChangeInput> inputs = new ArrayList<>();
    for (Map.Entry<String, ReleaseContent.SettingValue> entry : content.settings().entrySet()) {
      String key = entry.getKey();
      ReleaseContent.SettingValue released = entry.getValue();
      Optional<SettingDefinition> definition =
          settings.findDefinition(target.application(), new SettingKey(key));
      if (definition.isEmpty()) {
        misfits.add(new InvalidValue.Violation(key, "is no longer defined"));
        continue;
      }
      if (definition.get().type() != released.type()) {
        misfits.add(
            new InvalidValue.Violation(
                key,
                "type mismatch: released as "
                    + released.type().wireName()
                    + ", defined as "
                    + definition.get().type().wireName()
                    + " now"));
        continue;
      }
      if (secrets.find(target, new SettingKey(key)).filter(s -> !s.deleted()).isPresent()) {
        misfits.add(new InvalidValue.Violation(key, "type mismatch: a secret in " + target.slug()));
        continue;
      }
      String now =
          settings
              .findOverride(definition.get(), target)
              .map(SettingOverride::value)
              .orElse(definition.get().defaultValue());
      if (released.value() != null && !released.value().equals(now)) {
        inputs.add(
            new ChangeInput(
                "set-setting",
                key,
                released.type().toJson(released.value()).toString(),
                null,
                null,
                null));
      }
    }
    for (Map.Entry<String, Integer> pinned : content.secrets().entrySet()) {
      secretOf(source, target, pinned.getKey(), pinned.getValue(), misfits).ifPresent(inputs::add);
    }
    if (!misfits.isEmpty()) {
      throw new Unprocessable(
          "Release cannot be promoted to " + target.slug() + " as it is", misfits);
    }
    return inputs;
  }

  /**
   * Nothing when the target has its own value; the pinned value copied when sharing is allowed;
   * otherwise a misfit.
   */
  private Optional<ChangeInput> secretOf(
      Environment source,
      Environment target,
      String key,
      int version,
      List<InvalidValue.Violation> misfits) {
    boolean own =
        secrets
            .find(target, new SettingKey(key))
            .filter(s -> !s.deleted() && s.currentVersion() > 0)
            .isPresent();
    if (own) {
      return Optional.empty();
    }
    if (secretsConfig.reusePolicy() != SecretsConfig.ReusePolicy.WARN) {
      misfits.add(
          new InvalidValue.Violation(
              key,
              "has no value of "
                  + target.slug()
                  + "'s own; write one there first (values are not shared between environments)"));
      return Optional.empty();
    }
    access.require(Action.REVEAL, source);
    Optional<SecretVersion> pinned = secrets.sealedVersion(source, key, version);
    if (pinned.isEmpty()) {
      misfits.add(new InvalidValue.Violation(key, "its released version is destroyed"));
      return Optional.empty();
    }
    SecretValue value =
        SecretValue.decrypted(
            envelope.open(pinned.get().sealed(), pinned.get().place()), pinned.get().encoding());
    try {
      return Optional.of(
          new ChangeInput("set-secret", key, value.text(), value.encoding(), null, null));
    } finally {
      value.wipe();
    }
  }
}
