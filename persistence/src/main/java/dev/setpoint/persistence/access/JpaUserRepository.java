package dev.setpoint.persistence.access;

import dev.setpoint.domain.access.User;
import dev.setpoint.domain.access.UserRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Users in the {@code users} table. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<User> find(String username) {
    return em
        .createQuery("select u from User u where u.username = :name", User.class)
        .setParameter("name", username)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<User> list(PageRequest page) {
    return em.createQuery(
            "select u from User u where u.username > :after order by u.username", User.class)
        .setParameter("after", page.after() == null ? "" : page.after())
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public void store(User user) {
    StoreWrites.store(em, user, "User '" + user.username() + "'");
  }

  @Override
  public void remove(User user) {
    StoreWrites.remove(em, user, "User '" + user.username() + "'");
  }
}
