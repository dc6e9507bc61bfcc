package dev.setpoint.domain.transfer;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.readiness.ReadinessReports;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.Revealed;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretReveal;
import dev.setpoint.domain.secret.SecretValue;
import dev.setpoint.domain.secret.SecretsConfig;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The use case copying values in force from one environment to another of the same application, as
 * one change: settings become overrides of the target, secrets new versions there. The caller needs
 * write on the target (the role on the environment itself for production), read on the source, and
 * reveal on it when secrets are copied; a production target refuses secrets whose value would then
 * be shared, as every production secret write does. The result carries the target's readiness.
 */
@ApplicationScoped
@Transactional
public class EnvironmentCopy {

  private final ApplicationService applications;
  private final EnvironmentService environments;
  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final SecretReveal reveal;
  private final SecretsConfig secretsConfig;
  private final ImportConfig config;
  private final Envelope envelope;
  private final PlanApplication application;
  private final ReadinessReports readiness;
  private final Access access;

  /** For the CDI container's proxy only. */
  protected EnvironmentCopy() {
    this(null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public EnvironmentCopy(
      ApplicationService applications,
      EnvironmentService environments,
      SettingRepository settings,
      SecretRepository secrets,
      SecretReveal reveal,
      SecretsConfig secretsConfig,
      ImportConfig config,
      Envelope envelope,
      PlanApplication application,
      ReadinessReports readiness,
      Access access) {
    this.applications = applications;
    this.environments = environments;
    this.settings = settings;
    this.secrets = secrets;
    this.reveal = reveal;
    this.secretsConfig = secretsConfig;
    this.config = config;
    this.envelope = envelope;
    this.application = application;
    this.readiness = readiness;
    this.access = access;
  }

  /**
   * Copies {@code keys} (every key with a value in the source when null or empty) from environment
   * {@code from} to {@code to}.
   */
  public CopyResult copy(
      EnvironmentRef to, String from, List<String> keys, boolean dryRun, boolean skipRefused) {
    Application app = applications.get(to.app());
    Environment target = environments.find(app, to.env());
    access.require(Action.WRITE, target);
    Slug sourceSlug = Slug.of("from", from);
    if (sourceSlug.equals(to.env())) {
      throw new InvalidValue("from", "must name another environment than the target");
    }
    Environment source = environments.find(app, sourceSlug);
    access.require(Action.READ, source);
    List<String> asked = keys == null ? List.of() : keys;
    if (asked.size() > config.limits().maxKeys()) {
      throw new InvalidValue("keys", "must list at most " + config.limits().maxKeys() + " keys");
    }
    Map<String, EnvironmentValues.InForce> values =
        EnvironmentValues.of(TargetState.load(app, source, settings, secrets));
    TargetState state = TargetState.load(app, target, settings, secrets);
    Map<String, EnvironmentValues.InForce> present = EnvironmentValues.of(state);
    ImportPlanner planner =
        new ImportPlanner(state, Map.of(), config.limits(), secretsConfig.maxBytes(), envelope)
            .comparingEffectiveValues();
    List<PlannedWrite> plan = new ArrayList<>();
    List<String> chosen = asked.isEmpty() ? new ArrayList<>(values.keySet()) : asked;
    for (String key : chosen) {
      EnvironmentValues.InForce value = values.get(key);
      if (value == null) {
        plan.add(refused(to, key, PlanItem.Kind.SETTING, "no value in environment '" + from + "'"));
      } else if (value.isSecret()) {
        plan.add(secret(to, target, value, present.get(key), state));
      } else if (state.secrets.containsKey(key)) {
        plan.add(refused(to, key, PlanItem.Kind.SETTING, "type mismatch: a secret in the target"));
      } else {
        plan.add(planner.plan(new ImportedValue(key, value.value(), shapeOf(value.type()))));
      }
    }
    if (plan.stream().anyMatch(w -> w.item().kind() == PlanItem.Kind.SECRET && w.item().writes())) {
      access.require(Action.REVEAL, source);
    }
    List<PlanItem> items = plan.stream().map(PlannedWrite::item).toList();
    if (dryRun) {
      return new CopyResult(
          from, new ImportPlan("copy", false, items, List.of()), readiness.report(to));
    }
    List<PlannedWrite> revealed = plan.stream().map(w -> withValue(source, w)).toList();
    application.apply(app.slug(), revealed, skipRefused);
    return new CopyResult(
        from, new ImportPlan("copy", true, items, List.of()), readiness.report(to));
  }

  private PlannedWrite secret(
      EnvironmentRef to,
      Environment target,
      EnvironmentValues.InForce value,
      EnvironmentValues.InForce existing,
      TargetState state) {
    String key = value.key();
    if (state.definitions.containsKey(key)) {
      return refused(to, key, PlanItem.Kind.SECRET, "type mismatch: a setting in the target");
    }
    if (state.secrets.containsKey(key) && state.secrets.get(key).deleted()) {
      return refused(to, key, PlanItem.Kind.SECRET, "the secret is deleted in the target");
    }
    if (!SecretValue.UTF_8.equals(value.version().encoding())
        && value.version().encoding() != null) {
      return refused(to, key, PlanItem.Kind.SECRET, "a binary secret is not copied");
    }
    if (existing != null && existing.isSecret() && existing.sameAs(value)) {
      return new PlannedWrite(
          new PlanItem(
              to.env().value(),
              key,
              PlanItem.Kind.SECRET,
              PlanItem.Outcome.UNCHANGED,
              null,
              null,
              null,
              false),
          null);
    }
    if (target.production() && secretsConfig.reusePolicy() == SecretsConfig.ReusePolicy.REJECT) {
      return refused(
          to,
          key,
          PlanItem.Kind.SECRET,
          "a production secret may not share another environment's value"
              + " (setpoint.secrets.reuse-policy); write it its own value");
    }
    PlanItem.Outcome outcome = existing == null ? PlanItem.Outcome.ADD : PlanItem.Outcome.CHANGE;
    return new PlannedWrite(
        new PlanItem(to.env().value(), key, PlanItem.Kind.SECRET, outcome, null, null, null, false),
        null);
  }

  /** A secret's write with the source's current value, revealed (and audited) for it. */
  private PlannedWrite withValue(Environment source, PlannedWrite write) {
    PlanItem item = write.item();
    if (item.kind() != PlanItem.Kind.SECRET || !item.writes()) {
      return write;
    }
    Revealed value = reveal.reveal(source.ref(), new SettingKey(item.key()), null, access.actor());
    try {
      return new PlannedWrite(item, value.value().text());
    } finally {
      value.value().wipe();
    }
  }

  private static ImportedValue.Shape shapeOf(SettingType type) {
    return switch (type) {
      case INTEGER -> ImportedValue.Shape.NUMBER;
      case BOOLEAN -> ImportedValue.Shape.BOOLEAN;
      case JSON -> ImportedValue.Shape.JSON;
      default -> ImportedValue.Shape.STRING;
    };
  }

  private static PlannedWrite refused(
      EnvironmentRef to, String key, PlanItem.Kind kind, String reason) {
    return new PlannedWrite(PlanItem.refused(to.env().value(), key, kind, reason), null);
  }
}
