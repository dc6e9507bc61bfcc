package dev.setpoint.web.access;

import dev.setpoint.api.access.RoleBindingView;
import dev.setpoint.api.access.SessionView;
import dev.setpoint.api.access.TokenView;
import dev.setpoint.api.access.UserSessionView;
import dev.setpoint.api.access.UserView;
import dev.setpoint.domain.access.ConsoleSession;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.ServiceToken;
import dev.setpoint.domain.access.User;
import java.time.Instant;

/** Maps access entities to the contract's records. */
final class AccessViews {

  private AccessViews() {}

  static TokenView of(ServiceToken token, Instant now) {
    String status = token.revoked() ? "revoked" : token.expiredAt(now) ? "expired" : "active";
    return new TokenView(
        token.id().toString(),
        token.name(),
        token.application().slug().value(),
        token.environments().stream().map(e -> e.slug().value()).toList(),
        token.displayPrefix(),
        status,
        token.expiresAt(),
        token.lastUsedAt(),
        token.revokedAt(),
        token.createdAt(),
        token.createdBy());
  }

  static SessionView of(ConsoleSession session, String csrfToken) {
    return new SessionView(
        session.username(), csrfToken, session.idleTimeout().toSeconds(), session.expiresAt());
  }

  static UserSessionView of(ConsoleSession session) {
    return new UserSessionView(
        session.createdAt(),
        session.lastSeenAt(),
        session.idleTimeout().toSeconds(),
        session.expiresAt());
  }

  static RoleBindingView of(RoleBinding binding) {
    return new RoleBindingView(
        binding.id().toString(),
        binding.principal(),
        binding.role().id(),
        binding.application() == null ? null : binding.application().slug().value(),
        binding.environment() == null ? null : binding.environment().slug().value(),
        binding.createdAt(),
        binding.createdBy());
  }

  static UserView of(User user) {
    return new UserView(user.username(), user.createdAt(), user.updatedAt(), user.createdBy());
  }
}
