package dev.setpoint.domain.catalog;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.RoleBindingRepository;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;

/** Use cases on the environments of an application. */
@ApplicationScoped
@Transactional
public class EnvironmentService {

  private static final Logger LOG = Logger.getLogger(EnvironmentService.class.getName());

  private final ApplicationService applications;
  private final EnvironmentRepository environments;
  private final DeliveryNotices notices;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** Field-injected: only classifying an environment as production needs it. */
  @Inject RoleBindingRepository bindings;

  /** For the CDI container's proxy only. */
  protected EnvironmentService() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public EnvironmentService(
      ApplicationService applications,
      EnvironmentRepository environments,
      DeliveryNotices notices,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.applications = applications;
    this.environments = environments;
    this.notices = notices;
    this.access = access;
    this.audit = audit;
  }

  public Environment create(Slug app, String slug, String name, Boolean production) {
    Application application = applications.get(app);
    getAccess().require(Action.MANAGE, application);
    if (Boolean.TRUE.equals(production)) {
      requireProductionAuthority(application);
    }
    Slug id = Slug.of("slug", slug);
    if (environments.find(application, id).isPresent()) {
      throw new Conflict("Application '" + app + "' already has an environment '" + id + "'");
    }
    Environment environment =
        new Environment(application, id, name, Boolean.TRUE.equals(production), clock.instant());
    environments.store(environment);
    getAudit()
        .success(
            AuditAction.ENVIRONMENT_CREATE,
            AuditTarget.of(environment),
            environment.production() ? "production" : null);
    LOG.info(() -> "Added environment " + id + " to application " + app);
    return environment;
  }

  /**
   * What an access decision about {@code ref} looks at: the environment, or, when the application
   * exists without it, the application; empty when neither exists. Delivery uses it so that a
   * caller who may not see an application cannot learn which environments it has.
   */
  public java.util.Optional<dev.setpoint.domain.access.Target> accessTarget(EnvironmentRef ref) {
    Application application;
    try {
      application = applications.get(ref.app());
    } catch (dev.setpoint.domain.shared.NotFound e) {
      return java.util.Optional.empty();
    }
    return environments
        .find(application, ref.env())
        .map(dev.setpoint.domain.access.Target::of)
        .or(() -> java.util.Optional.of(dev.setpoint.domain.access.Target.of(application)));
  }

  /**
   * Classifying an environment (creating one as production, or changing the flag either way)
   * decides who may touch production: it needs the admin role on every existing production
   * environment of the application (or a platform admin), not only on the application.
   */
  private void requireProductionAuthority(Application application) {
    environments.productionOf(application).forEach(e -> getAccess().require(Action.MANAGE, e));
  }

  /**
   * Roles granted on an environment while it was not production were granted without the production
   * rule: they do not carry over when it becomes production.
   */
  private void dropEnvironmentBindings(Environment environment) {
    for (RoleBinding binding :
        dev.setpoint.domain.shared.Pages.all(
            page ->
                Slice.of(
                    bindings.listOn(environment.application(), page),
                    page.limit(),
                    b -> b.id().toString()))) {
      if (binding.environment() != null && binding.environment().id().equals(environment.id())) {
        bindings.remove(binding);
        getAudit()
            .success(
                AuditAction.ROLE_REVOKE,
                AuditTarget.of(environment),
                binding.role().id() + " of " + binding.principal() + ": now production");
      }
    }
  }

  /** The environment {@code ref} names. */
  public Environment get(EnvironmentRef ref) {
    Environment environment = find(applications.get(ref.app()), ref.env());
    getAccess().require(Action.READ, environment);
    return environment;
  }

  /**
   * The environment {@code env} of an application already loaded (and checked for visibility); use
   * cases check their own action on it.
   */
  public Environment find(Application application, Slug env) {
    return environments.named(application, env);
  }

  public Slice<Environment> list(Slug app, PageRequest page) {
    Application application = applications.get(app);
    return Slice.of(environments.list(application, page), page.limit(), e -> e.slug().value());
  }

  /** Renames an environment or changes its production flag; the slug cannot change. */
  public Environment update(
      EnvironmentRef ref,
      String slugInBody,
      String name,
      Boolean production,
      Precondition precondition) {
    Environment environment = get(ref);
    getAccess().require(Action.MANAGE, environment);
    if (slugInBody != null && !slugInBody.equals(environment.slug().value())) {
      throw new InvalidValue("slug", "must equal the slug in the path; slugs cannot be renamed");
    }
    precondition.checkAgainst(environment.version(), "Environment '" + ref.env() + "'");
    boolean productionFlag = production == null ? environment.production() : production;
    boolean becomesProduction = productionFlag && !environment.production();
    if (productionFlag != environment.production()) {
      getAccess().require(Action.MANAGE, environment.application());
      requireProductionAuthority(environment.application());
    }
    environment.describe(name, productionFlag, clock.instant());
    environments.store(environment);
    if (becomesProduction) {
      dropEnvironmentBindings(environment);
    }
    getAudit()
        .success(
            AuditAction.ENVIRONMENT_UPDATE,
            AuditTarget.of(environment),
            environment.production() ? "production" : null);
    return environment;
  }

  /** Removes an environment and every setting value given in it. */
  public void delete(EnvironmentRef ref, Precondition precondition) {
    Environment environment = get(ref);
    getAccess().require(Action.MANAGE, environment);
    precondition.checkAgainst(environment.version(), "Environment '" + ref.env() + "'");
    notices.changed(environment.id());
    environments.remove(environment);
    getAudit().success(AuditAction.ENVIRONMENT_DELETE, AuditTarget.of(environment));
    LOG.info(() -> "Removed environment " + ref.env() + " from application " + ref.app());
  }

  private Access getAccess() {
    return access;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
