package dev.setpoint.domain.transfer;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretsConfig;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * The use case that restores an application bundle (docs/bundles.md) into a new or existing
 * application, under the bundle's slug or another: the file is read and its secrets decrypted with
 * the passphrase before anything is planned; the plan is an import's (added, changed, unchanged,
 * refused; never a secret's value); applied, it creates the application and environments it lacks
 * and writes everything in this one transaction through the setting and secret use cases, so the
 * secrets are encrypted under this server's master key. Release history is not recreated: its
 * metadata is answered and recorded in the {@code bundle.restore} audit event.
 */
@ApplicationScoped
@Transactional
public class BundleRestore {

  private final ApplicationService applications;
  private final ApplicationRepository applicationStore;
  private final EnvironmentService environments;
  private final EnvironmentRepository environmentStore;
  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final Envelope envelope;
  private final BundleCipher cipher;
  private final SecretsConfig secretsConfig;
  private final ImportConfig config;
  private final PlanApplication application;
  private final AuditTrail audit;
  private final Access access;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected BundleRestore() {
    this(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public BundleRestore(
      ApplicationService applications,
      ApplicationRepository applicationStore,
      EnvironmentService environments,
      EnvironmentRepository environmentStore,
      SettingRepository settings,
      SecretRepository secrets,
      Envelope envelope,
      BundleCipher cipher,
      SecretsConfig secretsConfig,
      ImportConfig config,
      PlanApplication application,
      AuditTrail audit,
      Access access,
      Clock clock) {
    this.applications = applications;
    this.applicationStore = applicationStore;
    this.environments = environments;
    this.environmentStore = environmentStore;
    this.settings = settings;
    this.secrets = secrets;
    this.envelope = envelope;
    this.cipher = cipher;
    this.secretsConfig = secretsConfig;
    this.config = config;
    this.application = application;
    this.audit = audit;
    this.access = access;
    this.clock = clock;
  }

  /** Plans (and unless a dry run, applies) restoring the bundle {@code request} carries. */
  @Timed(
      name = "setpoint.bundle.restore",
      absolute = true,
      description = "Time to plan (and apply) restoring an application bundle.")
  public BundlePlan restore(RestoreRequest request) {
    if (access.requireAuthenticated().kind() == Caller.Kind.SERVICE_TOKEN) {
      throw new Forbidden("Restoring a bundle needs a person's role; a service token only reads");
    }
    BundleFile.Read read = BundleFile.read(request.body(), config.maxKeys());
    BundleFile.Manifest manifest = read.manifest();
    Slug slug =
        request.slug() == null
            ? Slug.of("manifest.application.slug", manifest.application().slug())
            : Slug.of("slug", request.slug());
    Optional<Application> existing =
        applicationStore.find(slug).map(found -> applications.get(slug));
    if (existing.isPresent()) {
      access.require(Action.WRITE, existing.get());
    } else {
      access.requireCreator();
    }
    List<BundleFile.Entry> values = BundleFile.secretsOf(manifest, plaintext(read, request));
    Map<String, BundleFile.Env> bundleEnvs = environmentsOf(manifest);
    List<String> creates = missingEnvironments(existing, slug, manifest, bundleEnvs);
    Application app = existing.orElse(null);
    if (!request.dryRun()) {
      if (app == null) {
        BundleFile.App described = manifest.application();
        app =
            applications.create(
                slug.value(), described.name(), described.description(), described.owner());
      }
      for (BundleFile.Env env : bundleEnvs.values()) {
        if (environmentStore.find(app, new Slug(env.slug())).isEmpty()) {
          environments.create(slug, env.slug(), env.name(), env.production());
        }
      }
    }
    List<PlannedWrite> plan = new BundlePlanner(app, manifest, values).plan();
    List<PlanItem> items = plan.stream().map(PlannedWrite::item).toList();
    Map<String, Integer> releases = latestReleases(manifest);
    if (!request.dryRun()) {
      application.apply(slug, plan, request.skipRefused());
      audit.success(
          AuditAction.BUNDLE_RESTORE,
          AuditTarget.of(app),
          detail(manifest, releases, read.decrypted()));
    }
    return new BundlePlan(
        slug.value(),
        manifest.application().slug(),
        existing.isEmpty(),
        creates,
        new ImportPlan("bundle", !request.dryRun(), items, manifest.skipped()),
        manifest.releases().size(),
        releases);
  }

  /**
   * The secrets section's plaintext: opened with the passphrase; as sent when a client decrypted it
   * with the recipient's private key (which never comes here); a recipient's ciphertext is refused.
   */
  private byte[] plaintext(BundleFile.Read read, RestoreRequest request) {
    if (read.decrypted()) {
      return read.plaintext();
    }
    if (read.sealed().recipient() != null) {
      throw new InvalidValue(
          "secrets",
          "are encrypted to a recipient's public key: decrypt them where the private keyset is"
              + " (setpoint bundle restore --identity FILE sends their values in secrets.values);"
              + " this server never takes a private key");
    }
    config.checkPassphrase(request.passphrase());
    return cipher.open(request.passphrase(), read.sealed(), read.associatedData());
  }

  private static Map<String, BundleFile.Env> environmentsOf(BundleFile.Manifest manifest) {
    Map<String, BundleFile.Env> envs = new LinkedHashMap<>();
    for (int i = 0; i < manifest.environments().size(); i++) {
      BundleFile.Env env = manifest.environments().get(i);
      Slug.of("manifest.environments[" + i + "].slug", env.slug());
      if (envs.put(env.slug(), env) != null) {
        throw new InvalidValue(
            "manifest.environments[" + i + "].slug", "names an environment listed before");
      }
    }
    checkPlaces("manifest.overrides", manifest.overrides(), envs);
    checkPlaces("manifest.secrets", manifest.secrets(), envs);
    checkPlaces(
        "manifest.releases",
        manifest.releases().stream()
            .map(r -> new BundleFile.Entry(r.environment(), "release", null))
            .toList(),
        envs);
    return envs;
  }

  private static void checkPlaces(
      String field, List<BundleFile.Entry> entries, Map<String, BundleFile.Env> envs) {
    for (int i = 0; i < entries.size(); i++) {
      if (!envs.containsKey(entries.get(i).environment())) {
        throw new InvalidValue(
            field + "[" + i + "].environment", "must name one of the manifest's environments");
      }
    }
  }

  /** The bundle's environments the target lacks (checking the right to add them). */
  private List<String> missingEnvironments(
      Optional<Application> existing,
      Slug slug,
      BundleFile.Manifest manifest,
      Map<String, BundleFile.Env> envs) {
    List<String> missing = new ArrayList<>();
    if (existing.isEmpty()) {
      Application planned =
          new Application(
              slug,
              manifest.application().name(),
              manifest.application().description(),
              manifest.application().owner(),
              clock.instant());
      List<String> standard =
          Environment.standard(planned, clock.instant()).stream()
              .map(e -> e.slug().value())
              .toList();
      envs.keySet().stream().filter(e -> !standard.contains(e)).forEach(missing::add);
      return missing;
    }
    for (String env : envs.keySet()) {
      Optional<Environment> found = environmentStore.find(existing.get(), new Slug(env));
      if (found.isPresent()) {
        access.require(Action.WRITE, found.get());
      } else {
        missing.add(env);
      }
    }
    if (!missing.isEmpty()) {
      access.require(Action.MANAGE, existing.get());
    }
    return missing;
  }

  /** Each environment's newest release number in the bundle. */
  private static Map<String, Integer> latestReleases(BundleFile.Manifest manifest) {
    Map<String, Integer> latest = new TreeMap<>();
    manifest.releases().forEach(r -> latest.merge(r.environment(), r.number(), Math::max));
    return latest;
  }

  private static String detail(
      BundleFile.Manifest manifest, Map<String, Integer> releases, boolean decrypted) {
    StringBuilder text =
        new StringBuilder("from bundle of '")
            .append(manifest.application().slug())
            .append("' exported ")
            .append(manifest.exportedAt())
            .append(" by ")
            .append(manifest.exportedBy())
            .append(": ")
            .append(manifest.settings().size())
            .append(" definitions, ")
            .append(manifest.overrides().size())
            .append(" overrides, ")
            .append(manifest.secrets().size())
            .append(decrypted ? " secrets (decrypted by the client)" : " secrets")
            .append("; releases there:");
    if (releases.isEmpty()) {
      text.append(" none");
    }
    releases.forEach((env, number) -> text.append(' ').append(env).append(" #").append(number));
    return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
  }

  /** The plan of one restore: the defaults first, then each environment. */
  private final class BundlePlanner {

    private final Application app;
    private final BundleFile.Manifest manifest;
    private final List<BundleFile.Entry> secretValues;

    BundlePlanner(
        Application app, BundleFile.Manifest manifest, List<BundleFile.Entry> secretValues) {
      this.app = app;
      this.manifest = manifest;
      this.secretValues = secretValues;
    }

    List<PlannedWrite> plan() {
      Map<String, String> types = new HashMap<>();
      Map<String, SettingType> bundleTypes = new HashMap<>();
      for (int i = 0; i < manifest.settings().size(); i++) {
        BundleFile.Definition d = manifest.settings().get(i);
        String type = d.type();
        if (ImportPlanner.SECRET.equals(type)) {
          throw new InvalidValue("manifest.settings[" + i + "].type", "must be a setting type");
        }
        bundleTypes.put(d.key(), SettingType.named("manifest.settings[" + i + "].type", type));
        types.put(d.key(), type);
      }
      List<PlannedWrite> plan = new ArrayList<>(defaults(types));
      Map<String, List<BundleFile.Entry>> overrides = byEnvironment(manifest.overrides());
      Map<String, List<BundleFile.Entry>> secretsByEnv = byEnvironment(secretValues);
      for (BundleFile.Env env : manifest.environments()) {
        TargetState state = state(env.slug());
        Map<String, String> envTypes = new HashMap<>(types);
        secretsByEnv
            .getOrDefault(env.slug(), List.of())
            .forEach(s -> envTypes.put(s.key(), ImportPlanner.SECRET));
        ImportPlanner planner = planner(state, envTypes).definedElsewhere(bundleTypes);
        for (BundleFile.Entry o : overrides.getOrDefault(env.slug(), List.of())) {
          plan.add(planner.plan(TreeFiles.imported(o.key(), o.value())));
        }
        for (BundleFile.Entry s : secretsByEnv.getOrDefault(env.slug(), List.of())) {
          plan.add(planner.plan(new ImportedValue(s.key(), s.value(), ImportedValue.Shape.STRING)));
        }
      }
      return plan;
    }

    private List<PlannedWrite> defaults(Map<String, String> types) {
      TargetState state = state(null);
      ImportPlanner planner = planner(state, types);
      List<PlannedWrite> plan = new ArrayList<>();
      for (BundleFile.Definition d : manifest.settings()) {
        if (d.defaultValue() != null) {
          plan.add(described(planner.plan(TreeFiles.imported(d.key(), d.defaultValue())), d));
        } else {
          plan.add(described(withoutDefault(state, d), d));
        }
      }
      return plan;
    }

    /** A definition without a default: defined, unless the target has it with that type. */
    private PlannedWrite withoutDefault(TargetState state, BundleFile.Definition d) {
      SettingType type = SettingType.named("type", d.type());
      var present = state.definitions.get(d.key());
      if (present != null && present.type() != type) {
        return new PlannedWrite(
            PlanItem.refused(
                null,
                d.key(),
                PlanItem.Kind.SETTING,
                "type mismatch: the setting is defined as " + present.type().wireName()),
            null);
      }
      if (!d.key().matches(dev.setpoint.api.ApiLimits.KEY_PATTERN)) {
        return new PlannedWrite(
            PlanItem.refused(
                null,
                d.key(),
                PlanItem.Kind.SETTING,
                "invalid key: " + dev.setpoint.domain.setting.SettingKey.RULE),
            null);
      }
      PlanItem.Outcome outcome =
          present == null ? PlanItem.Outcome.ADD : PlanItem.Outcome.UNCHANGED;
      return new PlannedWrite(
          new PlanItem(
              null, d.key(), PlanItem.Kind.SETTING, outcome, type, null, null, present == null),
          null);
    }

    private PlannedWrite described(PlannedWrite write, BundleFile.Definition d) {
      return write.item().writes() ? write.describedAs(d.description(), d.required()) : write;
    }

    private TargetState state(String env) {
      if (app == null) {
        return TargetState.empty(env);
      }
      if (env == null) {
        return TargetState.load(app, null, settings, secrets);
      }
      return environmentStore
          .find(app, new Slug(env))
          .map(e -> TargetState.load(app, e, settings, secrets))
          .orElseGet(() -> TargetState.empty(env));
    }

    private ImportPlanner planner(TargetState state, Map<String, String> types) {
      return new ImportPlanner(state, types, config.limits(), secretsConfig.maxBytes(), envelope);
    }
  }

  private static Map<String, List<BundleFile.Entry>> byEnvironment(List<BundleFile.Entry> entries) {
    Map<String, List<BundleFile.Entry>> grouped = new HashMap<>();
    entries.forEach(e -> grouped.computeIfAbsent(e.environment(), k -> new ArrayList<>()).add(e));
    return grouped;
  }
}
