package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditReaders;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides whether the current caller may do something; every use case asks before it acts. The
 * answers, in order: anonymous callers get {@link Unauthenticated} (401); callers that cannot see
 * the application get {@link NotFound} (404, the same answer as for an application that does not
 * exist); callers that see it but lack the role get {@link Forbidden} (403).
 *
 * <p>Role bindings are read from the store on every decision, so a revoked role takes effect at
 * once. Service tokens carry their scope and may only read delivered configuration.
 */
@ApplicationScoped
public class Access implements AuditReaders {

  private static final ThreadLocal<Boolean> ELEVATED = new ThreadLocal<>();

  private final CallerContext callers;
  private final RoleBindingRepository bindings;
  private final ServiceTokenRepository tokens;
  private final AccessConfig config;
  private final AuditTrail audit;
  private final Clock clock;
  private final Grants grants;

  /** For the CDI container's proxy only. */
  protected Access() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public Access(
      CallerContext callers,
      RoleBindingRepository bindings,
      ServiceTokenRepository tokens,
      AccessConfig config,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.callers = callers;
    this.bindings = bindings;
    this.tokens = tokens;
    this.config = config;
    this.audit = audit;
    this.grants = new Grants(config);
  }

  /** Who is calling. */
  public Caller caller() {
    return Boolean.TRUE.equals(ELEVATED.get()) ? Caller.SYSTEM : callers.caller();
  }

  /** The name recorded as author of what the caller creates. */
  public String actor() {
    return caller().name();
  }

  /**
   * Runs {@code work} as Setpoint itself. Only for loading what a caller was (or will be) checked
   * for separately, e.g. delivery loading a release before checking the token's scope against it.
   */
  public <T> T asSystem(Supplier<T> work) {
    Boolean before = ELEVATED.get();
    ELEVATED.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      if (before == null) {
        ELEVATED.remove();
      } else {
        ELEVATED.set(before);
      }
    }
  }

  /** Refuses anonymous callers. */
  public Caller requireAuthenticated() {
    Caller caller = caller();
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      throw new Unauthenticated("This request needs credentials: HTTP Basic, or a bearer token");
    }
    return caller;
  }

  @Override
  public void requireSignedIn() {
    requireAuthenticated();
  }

  /** Requires {@code action} on the application as a whole (not through an environment grant). */
  public void require(Action action, Application application) {
    require(action, Target.of(application));
  }

  /** Requires {@code action} on one environment. */
  public void require(Action action, Environment environment) {
    require(action, Target.of(environment));
  }

  /** Requires {@code action} on {@code target}. */
  public void require(Action action, Target target) {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return;
    }
    AuditAction attempted = Grants.attempted(action);
    List<RoleBinding> held = requireSees(attempted, target, caller);
    if (!grants.allowed(caller, held, target, action)) {
      throw denied(attempted, target, new Forbidden(Grants.denial(action, target)));
    }
  }

  /**
   * Requires that the caller can see the application: any role on it, on one of its environments,
   * or on the whole platform.
   */
  public void requireVisible(Application application) {
    Caller caller = requireAuthenticated();
    if (caller.kind() != Caller.Kind.SYSTEM) {
      requireSees(AuditAction.ACCESS_READ, Target.of(application), caller);
    }
  }

  /** The bindings of a person who sees {@code target}'s application; refuses everyone else. */
  private List<RoleBinding> requireSees(AuditAction attempted, Target target, Caller caller) {
    if (caller.kind() == Caller.Kind.SERVICE_TOKEN) {
      throw denied(
          attempted,
          target,
          Grants.tokenDenied(
              caller.token(), target, "service tokens can only read delivered configuration"));
    }
    List<RoleBinding> held = held(caller);
    if (!grants.platformAdmin(caller, held)
        && held.stream().noneMatch(b -> Grants.sees(b, target))) {
      throw denied(attempted, target, Grants.invisible(target));
    }
    return held;
  }

  /**
   * Requires the right to receive an environment's delivered configuration, secret values included:
   * a service token scoped to it, or a person who may reveal its secrets.
   */
  public void requireDelivery(Target target) {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SERVICE_TOKEN) {
      TokenScope scope = caller.token();
      if (!scope.applicationId().equals(target.applicationId())) {
        throw denied(AuditAction.ACCESS_DELIVERY, target, Grants.invisible(target));
      }
      // an environment that does not exist is outside every scope (and no immutable set
      // holds null)
      if (target.environmentId() == null
          || !scope.environmentIds().contains(target.environmentId())) {
        throw denied(
            AuditAction.ACCESS_DELIVERY,
            target,
            new Forbidden("This service token is not scoped to " + target.label()));
      }
      return;
    }
    require(Action.REVEAL, target);
  }

  /**
   * Whether {@code caller}, checked when a long-running request began, may still receive {@code
   * target}'s configuration: its token not revoked or expired since, its roles not removed.
   */
  public boolean stillEntitled(Caller caller, Target target) {
    return switch (caller.kind()) {
      case SYSTEM -> true;
      case ANONYMOUS -> false;
      case SERVICE_TOKEN -> {
        java.time.Instant now = clock.instant();
        yield tokens
            .token(caller.token().tokenId())
            .filter(t -> !t.revoked() && !t.expiredAt(now))
            .isPresent();
      }
      case USER -> {
        List<RoleBinding> held = held(caller);
        yield grants.platformAdmin(caller, held)
            || grants.allowed(caller, held, target, Action.REVEAL);
      }
    };
  }

  /**
   * The environments among {@code candidates} on which the caller may do {@code action}, decided
   * without recording refusals: for views that list what a caller may see and leave the rest out.
   */
  public List<Environment> permitted(Action action, List<Environment> candidates) {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return candidates;
    }
    if (caller.kind() != Caller.Kind.USER) {
      return List.of();
    }
    List<RoleBinding> held = held(caller);
    return candidates.stream()
        .filter(e -> grants.allowed(caller, held, Target.of(e), action))
        .toList();
  }

  /**
   * The environments among {@code candidates} whose delivered configuration the caller may receive
   * (as {@link #requireDelivery} decides), without recording refusals: for a client listing what it
   * may read.
   */
  public List<Environment> deliverable(List<Environment> candidates) {
    Caller caller = requireAuthenticated();
    if (caller.kind() != Caller.Kind.SERVICE_TOKEN) {
      return permitted(Action.REVEAL, candidates);
    }
    TokenScope scope = caller.token();
    return candidates.stream()
        .filter(e -> scope.applicationId().equals(e.application().id()))
        .filter(e -> scope.environmentIds().contains(e.id()))
        .toList();
  }

  /**
   * Whether the caller holds {@code role} (or more) on {@code environment}, production needing the
   * role on the environment itself as production-sensitive actions do; decided without recording
   * anything, for rules such as who may approve a change.
   */
  public boolean holds(Role role, Environment environment) {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return true;
    }
    if (caller.kind() != Caller.Kind.USER) {
      return false;
    }
    Target target = Target.of(environment);
    List<RoleBinding> held = held(caller);
    return grants.platformAdmin(caller, held)
        || held.stream()
            .map(b -> b.grants(target, Action.WRITE))
            .anyMatch(r -> r != null && r.includes(role));
  }

  /** Requires a platform-wide admin: users, global role bindings, master keys. */
  public void requirePlatformAdmin() {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return;
    }
    if (caller.kind() == Caller.Kind.SERVICE_TOKEN || !grants.platformAdmin(caller, held(caller))) {
      Forbidden refusal = new Forbidden("This needs the admin role on the whole platform");
      audit.denied(AuditAction.ACCESS_PLATFORM, AuditTarget.PLATFORM, refusal.getMessage());
      throw refusal;
    }
  }

  /** Requires a person with a platform-wide editor role (or more): registering applications. */
  public void requireCreator() {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return;
    }
    if (caller.kind() == Caller.Kind.SERVICE_TOKEN) {
      throw tokenRefused();
    }
    List<RoleBinding> held = held(caller);
    boolean creator =
        grants.platformAdmin(caller, held)
            || held.stream().anyMatch(b -> b.platformWide() && b.role().includes(Role.EDITOR));
    if (!creator) {
      Forbidden refusal =
          new Forbidden("Registering an application needs the editor role on the whole platform");
      audit.denied(AuditAction.ACCESS_WRITE, AuditTarget.PLATFORM, refusal.getMessage());
      throw refusal;
    }
  }

  /**
   * The applications the caller can see, or empty when it sees all of them (platform-wide
   * bindings); never called for service tokens, which see none.
   */
  public Optional<Set<UUID>> visibleApplications() {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return Optional.empty();
    }
    if (caller.kind() == Caller.Kind.SERVICE_TOKEN) {
      throw tokenRefused();
    }
    List<RoleBinding> held = held(caller);
    if (grants.platformAdmin(caller, held) || held.stream().anyMatch(RoleBinding::platformWide)) {
      return Optional.empty();
    }
    return Optional.of(
        held.stream().map(b -> b.application().id()).collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * The applications the caller administers, or empty when it administers all of them; for listing
   * tokens and bindings.
   */
  public Optional<Set<UUID>> administeredApplications() {
    Caller caller = requireAuthenticated();
    if (caller.kind() == Caller.Kind.SYSTEM) {
      return Optional.empty();
    }
    if (caller.kind() == Caller.Kind.SERVICE_TOKEN) {
      throw tokenRefused();
    }
    List<RoleBinding> held = held(caller);
    if (grants.platformAdmin(caller, held)) {
      return Optional.empty();
    }
    return Optional.of(
        held.stream()
            .filter(b -> !b.platformWide() && b.environment() == null)
            .filter(b -> b.role() == Role.ADMIN)
            .map(b -> b.application().id())
            .collect(Collectors.toUnmodifiableSet()));
  }

  /** The role bindings that apply to the caller (none for service tokens). */
  public List<RoleBinding> bindingsOfCaller() {
    Caller caller = requireAuthenticated();
    return caller.kind() == Caller.Kind.USER ? held(caller) : List.of();
  }

  /** Whether the caller is a platform-wide admin. */
  public boolean platformAdmin() {
    Caller caller = caller();
    return switch (caller.kind()) {
      case SYSTEM -> true;
      case USER -> grants.platformAdmin(caller, held(caller));
      default -> false;
    };
  }

  private List<RoleBinding> held(Caller caller) {
    return bindings.forPrincipals(caller.principals());
  }

  /** A service token asking for anything but delivery, recorded and returned to be thrown. */
  private Forbidden tokenRefused() {
    Forbidden refusal = new Forbidden("Service tokens can only read delivered configuration");
    audit.denied(AuditAction.ACCESS_READ, AuditTarget.PLATFORM, refusal.getMessage());
    return refusal;
  }

  /** Records the refusal in the audit trail and returns it, to be thrown. */
  private RuntimeException denied(AuditAction attempted, Target target, RuntimeException refusal) {
    audit.denied(attempted, target.audited(), refusal.getMessage());
    return refusal;
  }
}
