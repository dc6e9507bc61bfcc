package dev.setpoint.domain.setting;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Written;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Use cases on settings: define them, override them per environment, resolve an environment. */
@ApplicationScoped
@Transactional
public class SettingService {

  private static final String WRITES = "setpoint.settings.writes";
  private static final String WRITES_DESCRIPTION =
      "Setting definitions and overrides created, replaced or removed.";

  private final ApplicationService applications;
  private final EnvironmentService environments;
  private final SettingRepository settings;
  private final Access access;
  private final AuditTrail audit;
  private final ChangeControl control;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SettingService() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public SettingService(
      ApplicationService applications,
      EnvironmentService environments,
      SettingRepository settings,
      Access access,
      AuditTrail audit,
      ChangeControl control,
      Clock clock) {
    this.control = control;
    this.clock = clock;
    this.applications = applications;
    this.environments = environments;
    this.settings = settings;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Creates or replaces the definition of {@code key}. A changed type must still fit every override
   * already given, otherwise the change is refused and nothing is modified.
   */
  @Counted(name = WRITES, absolute = true, description = WRITES_DESCRIPTION)
  public Written<SettingDefinition> define(DefineSetting command, Precondition precondition) {
    Application application = applications.get(command.app());
    getAccess().require(Action.WRITE, application);
    SettingKey settingKey = command.key();
    String key = settingKey.value();
    SettingSpec spec =
        SettingSpec.parse(
            command.type(), command.defaultJson(), command.description(), command.required());
    Optional<SettingDefinition> existing = settings.findDefinition(application, settingKey);
    if (existing.isEmpty()) {
      precondition.checkAbsent("Setting '" + key + "'");
      SettingDefinition definition =
          new SettingDefinition(application, settingKey, spec, clock.instant());
      settings.store(definition);
      getAudit().success(AuditAction.SETTING_DEFINE, AuditTarget.of(application).key(key));
      return new Written<>(definition, true);
    }
    SettingDefinition definition = existing.get();
    precondition.checkAgainst(definition.version(), "Setting '" + key + "'");
    if (definition.type() != spec.type()) {
      requireOnProductionOverrides(definition);
      convertOverrides(definition, spec.type());
    }
    definition.redefine(spec, clock.instant());
    settings.store(definition);
    getAudit().success(AuditAction.SETTING_DEFINE, AuditTarget.of(application).key(key));
    return new Written<>(definition, false);
  }

  public SettingDefinition definition(Slug app, SettingKey key) {
    return requireDefinition(applications.get(app), key);
  }

  public Slice<SettingDefinition> definitions(Slug app, PageRequest page) {
    Application application = applications.get(app);
    return Slice.of(settings.definitions(application, page), page.limit(), d -> d.key().value());
  }

  /** Removes a definition together with its overrides in every environment. */
  @Counted(name = WRITES, absolute = true, description = WRITES_DESCRIPTION)
  public void undefine(Slug app, SettingKey key, Precondition precondition) {
    SettingDefinition definition = definition(app, key);
    getAccess().require(Action.WRITE, definition.application());
    requireOnProductionOverrides(definition);
    precondition.checkAgainst(definition.version(), "Setting '" + key + "'");
    settings.remove(definition);
    getAudit()
        .success(
            AuditAction.SETTING_UNDEFINE,
            AuditTarget.of(definition.application()).key(key.value()));
  }

  /** Creates or replaces the value of {@code key} in environment {@code env}. */
  @Counted(name = WRITES, absolute = true, description = WRITES_DESCRIPTION)
  public Written<SettingOverride> override(
      EnvironmentRef where, SettingKey key, String valueJson, Precondition precondition) {
    Application application = applications.get(where.app());
    Environment environment = environments.find(application, where.env());
    Slug env = where.env();
    getAccess().require(Action.WRITE, environment);
    control.requireDirect(environment);
    SettingDefinition definition = requireDefinition(application, key);
    if (valueJson == null) {
      throw new InvalidValue("value", "must not be null; delete the override to fall back");
    }
    String value = definition.type().parse("value", valueJson);
    SettingSpec.refuseCredential(value);
    Optional<SettingOverride> existing = settings.findOverride(definition, environment);
    if (existing.isEmpty()) {
      precondition.checkAbsent("Override of '" + key + "' in '" + env + "'");
      SettingOverride created =
          new SettingOverride(definition, environment, value, clock.instant());
      settings.store(created);
      getAudit()
          .success(AuditAction.SETTING_OVERRIDE, AuditTarget.of(environment).key(key.value()));
      return new Written<>(created, true);
    }
    SettingOverride override = existing.get();
    precondition.checkAgainst(override.version(), "Override of '" + key + "' in '" + env + "'");
    override.change(value, clock.instant());
    settings.store(override);
    getAudit().success(AuditAction.SETTING_OVERRIDE, AuditTarget.of(environment).key(key.value()));
    return new Written<>(override, false);
  }

  public SettingOverride overrideOf(EnvironmentRef where, SettingKey key) {
    Application application = applications.get(where.app());
    Environment environment = environments.find(application, where.env());
    getAccess().require(Action.READ, environment);
    SettingDefinition definition = requireDefinition(application, key);
    return settings
        .findOverride(definition, environment)
        .orElseThrow(
            () ->
                new NotFound(
                    "Setting '" + key + "' has no override in environment '" + where.env() + "'"));
  }

  @Counted(name = WRITES, absolute = true, description = WRITES_DESCRIPTION)
  public void removeOverride(EnvironmentRef where, SettingKey key, Precondition precondition) {
    SettingOverride override = overrideOf(where, key);
    getAccess().require(Action.WRITE, override.environment());
    control.requireDirect(override.environment());
    precondition.checkAgainst(
        override.version(), "Override of '" + key + "' in '" + where.env() + "'");
    settings.remove(override);
    getAudit()
        .success(
            AuditAction.SETTING_OVERRIDE_REMOVE,
            AuditTarget.of(override.environment()).key(key.value()));
  }

  /** The effective value of every setting in an environment, a page at a time, ordered by key. */
  @Timed(
      name = "setpoint.settings.resolve",
      absolute = true,
      description = "Time to resolve one page of an environment's settings.")
  public Slice<ResolvedSetting> resolve(EnvironmentRef where, PageRequest page) {
    Application application = applications.get(where.app());
    Environment environment = environments.find(application, where.env());
    getAccess().require(Action.READ, environment);
    Slice<SettingDefinition> definitions =
        Slice.of(settings.definitions(application, page), page.limit(), d -> d.key().value());
    Map<UUID, SettingOverride> overrides =
        settings.overridesIn(environment, definitions.items()).stream()
            .collect(Collectors.toMap(o -> o.definition().id(), Function.identity()));
    return definitions.map(
        d -> ResolvedSetting.resolve(d, Optional.ofNullable(overrides.get(d.id()))));
  }

  private SettingDefinition requireDefinition(Application application, SettingKey settingKey) {
    return settings
        .findDefinition(application, settingKey)
        .orElseThrow(
            () ->
                new NotFound(
                    "Application '"
                        + application.slug()
                        + "' has no setting '"
                        + settingKey
                        + "'"));
  }

  /**
   * Converts every override of {@code definition} to {@code newType}, or refuses the change when
   * any of them does not fit; nothing is modified in that case.
   */
  /**
   * Retyping or removing a definition rewrites or removes its overrides: where one of them is in a
   * production environment, the caller needs the write role granted on that environment too.
   */
  private void requireOnProductionOverrides(SettingDefinition definition) {
    settings.environmentsOverriding(definition).stream()
        .filter(Environment::production)
        .distinct()
        .forEach(environment -> getAccess().require(Action.WRITE, environment));
  }

  private void convertOverrides(SettingDefinition definition, SettingType newType) {
    List<String> misfits = new ArrayList<>();
    Map<SettingOverride, String> converted = new LinkedHashMap<>();
    for (SettingOverride override : settings.overridesOf(definition)) {
      try {
        String json = definition.type().toJson(override.value()).toString();
        converted.put(override, newType.parse("value", json));
      } catch (InvalidValue e) {
        misfits.add(override.environment().slug().value());
      }
    }
    if (!misfits.isEmpty()) {
      throw new Conflict(
          "Cannot change '"
              + definition.key()
              + "' to type "
              + newType.wireName()
              + ": the overrides in "
              + String.join(", ", misfits)
              + " do not fit it; change or delete them first");
    }
    converted.forEach(
        (override, value) -> {
          override.change(value, clock.instant());
          settings.store(override);
        });
  }

  private Access getAccess() {
    return access;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
