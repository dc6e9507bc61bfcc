package dev.setpoint.domain.catalog;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.Role;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.RoleBindingRepository;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.application.Environment;
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
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

/** Use cases on applications: register, describe, list and remove them. */
@ApplicationScoped
@Transactional
public class ApplicationService {

  private static final Logger LOG = Logger.getLogger(ApplicationService.class.getName());

  private final ApplicationRepository applications;
  private final EnvironmentRepository environments;
  private final DeliveryNotices notices;
  private final RoleBindingRepository bindings;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ApplicationService() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public ApplicationService(
      ApplicationRepository applications,
      EnvironmentRepository environments,
      DeliveryNotices notices,
      RoleBindingRepository bindings,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.applications = applications;
    this.environments = environments;
    this.notices = notices;
    this.bindings = bindings;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Registers an application with the standard environments dev, staging and production. A creator
   * who is not a platform admin becomes the application's admin.
   */
  @Counted(
      name = "setpoint.applications.created",
      absolute = true,
      description = "Applications registered.")
  public Application create(String slug, String name, String description, String owner) {
    getAccess().requireCreator();
    Slug id = Slug.of("slug", slug);
    if (applications.find(id).isPresent()) {
      throw new Conflict("An application with slug '" + id + "' already exists");
    }
    Application application = new Application(id, name, description, owner, clock.instant());
    applications.store(application);
    Environment.standard(application, clock.instant()).forEach(environments::store);
    Caller caller = getAccess().caller();
    if (caller.kind() == Caller.Kind.USER && !getAccess().platformAdmin()) {
      bindings.store(
          new RoleBinding(
              caller.name(), Role.ADMIN, application, null, caller.name(), clock.instant()));
    }
    getAudit().success(AuditAction.APPLICATION_CREATE, AuditTarget.of(application));
    LOG.info(() -> "Registered application " + id);
    return application;
  }

  /** The application with this slug. */
  public Application get(Slug slug) {
    getAccess().requireAuthenticated();
    Application application = applications.named(slug);
    getAccess().requireVisible(application);
    return application;
  }

  public Slice<Application> list(PageRequest page) {
    java.util.Optional<java.util.Set<java.util.UUID>> visible = getAccess().visibleApplications();
    List<Application> found =
        visible.isPresent() ? applications.listAmong(visible.get(), page) : applications.list(page);
    return Slice.of(found, page.limit(), a -> a.slug().value());
  }

  /**
   * Replaces the descriptive fields. {@code slugInBody}, when given, must be the application's own
   * slug: slugs are identifiers and cannot be renamed.
   */
  public Application update(
      Slug slug,
      String slugInBody,
      String name,
      String description,
      String owner,
      Precondition precondition) {
    Application application = get(slug);
    if (slugInBody != null && !slugInBody.equals(application.slug().value())) {
      throw new InvalidValue("slug", "must equal the slug in the path; slugs cannot be renamed");
    }
    getAccess().require(Action.WRITE, application);
    precondition.checkAgainst(application.version(), "Application '" + slug + "'");
    application.describe(name, description, owner, clock.instant());
    applications.store(application);
    getAudit().success(AuditAction.APPLICATION_UPDATE, AuditTarget.of(application));
    return application;
  }

  /** Removes the application with all its environments and settings, in one transaction. */
  public void delete(Slug slug, Precondition precondition) {
    Application application = get(slug);
    getAccess().require(Action.MANAGE, application);
    // removing the application removes its production environments: each needs its own admin role
    environments.productionOf(application).forEach(e -> getAccess().require(Action.MANAGE, e));
    precondition.checkAgainst(application.version(), "Application '" + slug + "'");
    environments.idsOf(application).forEach(notices::changed);
    applications.remove(application);
    getAudit().success(AuditAction.APPLICATION_DELETE, AuditTarget.of(application));
    LOG.info(() -> "Removed application " + slug);
  }

  private Access getAccess() {
    return access;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
