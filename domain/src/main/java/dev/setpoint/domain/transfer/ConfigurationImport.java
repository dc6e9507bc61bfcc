package dev.setpoint.domain.transfer;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretsConfig;
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
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Use cases that import a file: into an environment (its overrides and secrets) or into the
 * application (its defaults; a Spring layout also reaches the environments its profiles name). A
 * dry run returns the plan; otherwise the plan is applied in this one transaction through the
 * setting and secret use cases, so validation, authorization and audit (one event per change) are
 * theirs, and readiness is re-evaluated after the commit as for any audited change.
 */
@ApplicationScoped
@Transactional
public class ConfigurationImport {

  private final ApplicationService applications;
  private final EnvironmentService environments;
  private final EnvironmentRepository environmentStore;
  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final Envelope envelope;
  private final SecretsConfig secretsConfig;
  private final ImportConfig config;
  private final PlanApplication application;
  private final Access access;

  /** For the CDI container's proxy only. */
  protected ConfigurationImport() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public ConfigurationImport(
      ApplicationService applications,
      EnvironmentService environments,
      EnvironmentRepository environmentStore,
      SettingRepository settings,
      SecretRepository secrets,
      Envelope envelope,
      SecretsConfig secretsConfig,
      ImportConfig config,
      PlanApplication application,
      Access access) {
    this.applications = applications;
    this.environments = environments;
    this.environmentStore = environmentStore;
    this.settings = settings;
    this.secrets = secrets;
    this.envelope = envelope;
    this.secretsConfig = secretsConfig;
    this.config = config;
    this.application = application;
    this.access = access;
  }

  /** Imports a file into one environment: a Spring layout gives it its profile's files. */
  @Timed(
      name = "setpoint.import.environment",
      absolute = true,
      description = "Time to plan (and apply) an import into an environment.")
  public ImportPlan intoEnvironment(EnvironmentRef where, ImportRequest request) {
    Application app = applications.get(where.app());
    Environment environment = environments.find(app, where.env());
    access.require(Action.WRITE, environment);
    ImportFormat format = ImportFormat.of(request.format(), request.mediaType());
    ImportPlanner.checkTypes(request.types());
    ImportLimits limits = config.limits();
    List<String> ignored = new ArrayList<>();
    List<ImportedValue> values;
    if (format == ImportFormat.SPRING) {
      SpringLayout.Files files = SpringLayout.read(app.slug().value(), request.body(), limits);
      ignored.addAll(files.ignored());
      files.targets().keySet().stream()
          .filter(profile -> !where.env().value().equals(profile))
          .forEach(profile -> ignored.add(profile == null ? "(defaults)" : "profile " + profile));
      values = files.targets().getOrDefault(where.env().value(), List.of());
    } else {
      values = parse(format, request.body(), limits);
    }
    List<PlannedWrite> plan = planFor(app, environment, values, request.types(), limits);
    return finish(app.slug(), format, plan, ignored, request);
  }

  /**
   * Imports a file into the application's defaults; a Spring layout's profile files go to the
   * environments they name (each needing the write role there), unknown profiles are refused.
   */
  @Timed(
      name = "setpoint.import.application",
      absolute = true,
      description = "Time to plan (and apply) an import into an application's defaults.")
  public ImportPlan intoApplication(Slug slug, ImportRequest request) {
    Application app = applications.get(slug);
    access.require(Action.WRITE, app);
    ImportFormat format = ImportFormat.of(request.format(), request.mediaType());
    ImportPlanner.checkTypes(request.types());
    ImportLimits limits = config.limits();
    List<PlannedWrite> plan = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    if (format != ImportFormat.SPRING) {
      plan.addAll(
          planFor(app, null, parse(format, request.body(), limits), request.types(), limits));
      return finish(app.slug(), format, plan, ignored, request);
    }
    SpringLayout.Files files = SpringLayout.read(slug.value(), request.body(), limits);
    ignored.addAll(files.ignored());
    Map<String, SettingType> defined = new java.util.HashMap<>();
    for (Map.Entry<String, List<ImportedValue>> target : files.targets().entrySet()) {
      String profile = target.getKey();
      if (profile == null) {
        // the defaults come first: the settings they define are defined for the profiles too
        List<PlannedWrite> defaults =
            planFor(app, null, target.getValue(), request.types(), limits);
        defaults.stream()
            .map(PlannedWrite::item)
            .filter(PlanItem::defines)
            .forEach(i -> defined.put(i.key(), i.type()));
        plan.addAll(defaults);
        continue;
      }
      Optional<Environment> environment = environmentOf(app, profile);
      if (environment.isEmpty()) {
        ignored.add("profile " + profile + " (no such environment)");
        continue;
      }
      access.require(Action.WRITE, environment.get());
      plan.addAll(
          planFor(app, environment.get(), target.getValue(), request.types(), limits, defined));
    }
    return finish(app.slug(), format, plan, ignored, request);
  }

  private Optional<Environment> environmentOf(Application app, String profile) {
    try {
      return environmentStore.find(app, new Slug(profile));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a slug, so no environment's name
    }
  }

  static List<ImportedValue> parse(ImportFormat format, byte[] body, ImportLimits limits) {
    String text = ImportText.decode("body", body);
    return switch (format) {
      case DOTENV -> FlatFiles.dotenv("body", text, limits);
      case PROPERTIES -> FlatFiles.properties("body", text, limits);
      case YAML -> TreeFiles.yaml("body", text, limits);
      case JSON -> TreeFiles.json("body", text, limits);
      case SPRING -> throw new IllegalStateException("a Spring layout is read by SpringLayout");
    };
  }

  private List<PlannedWrite> planFor(
      Application app,
      Environment environment,
      List<ImportedValue> values,
      Map<String, String> types,
      ImportLimits limits) {
    return planFor(app, environment, values, types, limits, Map.of());
  }

  private List<PlannedWrite> planFor(
      Application app,
      Environment environment,
      List<ImportedValue> values,
      Map<String, String> types,
      ImportLimits limits,
      Map<String, SettingType> defined) {
    TargetState state = TargetState.load(app, environment, settings, secrets);
    ImportPlanner planner =
        new ImportPlanner(state, types, limits, secretsConfig.maxBytes(), envelope)
            .definedElsewhere(defined);
    Map<String, ImportedValue> byKey = new java.util.LinkedHashMap<>();
    values.forEach(v -> byKey.put(v.key(), v)); // a key written twice (a.b and a: {b}): the last
    return byKey.values().stream().map(planner::plan).toList();
  }

  private ImportPlan finish(
      Slug app,
      ImportFormat format,
      List<PlannedWrite> plan,
      List<String> ignored,
      ImportRequest request) {
    if (plan.isEmpty()) {
      throw new InvalidValue("body", "holds no keys to import");
    }
    List<PlanItem> items = plan.stream().map(PlannedWrite::item).toList();
    if (request.dryRun()) {
      return new ImportPlan(format.wireName(), false, items, ignored);
    }
    application.apply(app, plan, request.skipRefused());
    return new ImportPlan(format.wireName(), true, items, ignored);
  }
}
