package dev.setpoint.domain.access;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.shared.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored role bindings. */
public interface RoleBindingRepository {

  /** Every binding naming one of these principals. */
  List<RoleBinding> forPrincipals(Collection<String> principals);

  /**
   * Bindings ordered by id, on {@code application} (and its environments) when given, else all; up
   * to {@code page.limit() + 1}.
   */
  List<RoleBinding> listOn(Application application, PageRequest page);

  Optional<RoleBinding> binding(UUID id);

  /** Whether an equal binding (principal, role, scope) exists. */
  boolean exists(RoleBinding binding);

  void store(RoleBinding binding);

  void remove(RoleBinding binding);
}
