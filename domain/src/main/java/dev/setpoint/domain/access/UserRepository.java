package dev.setpoint.domain.access;

import dev.setpoint.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** The built-in user store. */
public interface UserRepository {

  Optional<User> find(String username);

  /** Users ordered by name, after {@code page.after()}; up to {@code page.limit() + 1}. */
  List<User> list(PageRequest page);

  void store(User user);

  void remove(User user);
}
