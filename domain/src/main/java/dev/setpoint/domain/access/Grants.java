package dev.setpoint.domain.access;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.NotFound;
import java.util.List;

/**
 * What a caller's role bindings grant, and the refusals {@link Access} answers with when they do
 * not: pure decisions over bindings already read, no store and no audit.
 */
final class Grants {

  private final AccessConfig config;

  Grants(AccessConfig config) {
    this.config = config;
  }

  boolean platformAdmin(Caller caller, List<RoleBinding> held) {
    return caller.groups().stream().anyMatch(config.adminGroups()::contains)
        || held.stream().anyMatch(b -> b.platformWide() && b.role() == Role.ADMIN);
  }

  boolean allowed(Caller caller, List<RoleBinding> held, Target target, Action action) {
    if (platformAdmin(caller, held)) {
      return true;
    }
    if (target.environmentId() == null) {
      // application-wide use cases: only platform or whole-application grants count
      return held.stream()
          .filter(b -> b.platformWide() || b.environment() == null)
          .map(b -> b.grants(target, action))
          .anyMatch(r -> r != null && r.includes(action.least()));
    }
    return held.stream()
        .map(b -> b.grants(target, action))
        .anyMatch(r -> r != null && r.includes(action.least()));
  }

  static boolean sees(RoleBinding binding, Target target) {
    return binding.touches(target.applicationId());
  }

  static NotFound invisible(Target target) {
    String app = target.label().split("/", 2)[0];
    return new NotFound("No application with slug '" + app + "'");
  }

  static RuntimeException tokenDenied(TokenScope scope, Target target, String why) {
    if (!scope.applicationId().equals(target.applicationId())) {
      return invisible(target);
    }
    return new Forbidden("Not allowed on " + target.label() + ": " + why);
  }

  static AuditAction attempted(Action action) {
    return switch (action) {
      case READ -> AuditAction.ACCESS_READ;
      case WRITE -> AuditAction.ACCESS_WRITE;
      case REVEAL -> AuditAction.ACCESS_REVEAL;
      case PUBLISH -> AuditAction.ACCESS_PUBLISH;
      case MANAGE -> AuditAction.ACCESS_MANAGE;
    };
  }

  static String denial(Action action, Target target) {
    String role = action.least().id();
    if (target.environmentId() == null) {
      return "This needs the " + role + " role on application '" + target.label() + "'";
    }
    String text = "This needs the " + role + " role on " + target.label();
    return action.productionSensitive() && target.production()
        ? text + "; production environments need the role granted on the environment itself"
        : text;
  }
}
