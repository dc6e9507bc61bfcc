package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Use cases on role bindings. Platform-wide bindings are for platform admins; a binding on an
 * application needs its admin role; one on an environment needs the admin role on that environment
 * (granted on the environment itself when it is production).
 */
@ApplicationScoped
@Transactional
public class RoleService {

  private static final Pattern PRINCIPAL =
      Pattern.compile("^(group:|oidc:)?[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$");
  private static final Logger LOG = Logger.getLogger(RoleService.class.getName());

  private final RoleBindingRepository bindings;
  private final VisibleTargets targets;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected RoleService() {
    this(null, null, null, null, null);
  }

  @Inject
  public RoleService(
      RoleBindingRepository bindings,
      VisibleTargets targets,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.bindings = bindings;
    this.targets = targets;
    this.access = access;
    this.audit = audit;
  }

  /** Grants {@code role} to {@code principal} on everything, an application, or an environment. */
  public RoleBinding grant(String principal, String role, String app, String env) {
    if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
      throw new InvalidValue(
          "principal", "must be a user name, or group:<name> (letters, digits, . _ @ -)");
    }
    Role granted = Role.parse("role", role);
    if (app == null && env != null) {
      throw new InvalidValue("environment", "needs an application");
    }
    Application application = null;
    Environment environment = null;
    if (app == null) {
      getAccess().requirePlatformAdmin();
    } else {
      application = targets.application(Slug.of("app", app));
      if (env == null) {
        getAccess().require(Action.MANAGE, application);
      } else {
        environment = targets.environment(application, Slug.of("env", env));
        getAccess().require(Action.MANAGE, environment);
      }
    }
    RoleBinding binding =
        new RoleBinding(
            principal, granted, application, environment, getAccess().actor(), clock.instant());
    if (bindings.exists(binding)) {
      throw new Conflict("This role binding already exists");
    }
    bindings.store(binding);
    getAudit().success(AuditAction.ROLE_GRANT, auditTarget(binding), granted.id());
    LOG.info(
        () ->
            "Granted "
                + granted.id()
                + " to "
                + principal
                + " on "
                + scope(binding)
                + " by "
                + binding.createdBy());
    return binding;
  }

  /** Bindings on one application (and its environments), or all of them for platform admins. */
  public Slice<RoleBinding> list(Slug app, PageRequest page) {
    Application application = null;
    if (app == null) {
      getAccess().requirePlatformAdmin();
    } else {
      application = targets.application(app);
      getAccess().require(Action.READ, application);
    }
    Pages.requireUuidCursor(page);
    return Slice.of(bindings.listOn(application, page), page.limit(), b -> b.id().toString());
  }

  /** Removes a binding; the same role is needed as for granting it. */
  public void revoke(UUID id) {
    getAccess().requireAuthenticated();
    RoleBinding binding =
        bindings.binding(id).orElseThrow(() -> new NotFound("No role binding with id " + id));
    if (binding.platformWide()) {
      getAccess().requirePlatformAdmin();
    } else if (binding.environment() == null) {
      getAccess().require(Action.MANAGE, binding.application());
    } else {
      getAccess().require(Action.MANAGE, binding.environment());
    }
    bindings.remove(binding);
    getAudit().success(AuditAction.ROLE_REVOKE, auditTarget(binding), binding.role().id());
    LOG.info(
        () ->
            "Removed role binding "
                + id
                + " of "
                + binding.principal()
                + " by "
                + getAccess().actor());
  }

  private static String scope(RoleBinding binding) {
    if (binding.platformWide()) {
      return "the whole platform";
    }
    return binding.environment() == null
        ? binding.application().slug().value()
        : binding.application().slug() + "/" + binding.environment().slug();
  }

  private Access getAccess() {
    return access;
  }

  /** Where a binding applies, with its principal as the key. */
  private static AuditTarget auditTarget(RoleBinding binding) {
    AuditTarget target =
        binding.platformWide()
            ? AuditTarget.PLATFORM
            : binding.environment() == null
                ? AuditTarget.of(binding.application())
                : AuditTarget.of(binding.environment());
    return target.key(binding.principal());
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
