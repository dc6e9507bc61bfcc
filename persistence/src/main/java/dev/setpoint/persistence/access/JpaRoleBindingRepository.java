package dev.setpoint.persistence.access;

import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.RoleBindingRepository;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Tracked;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Role bindings in the {@code role_bindings} table. */
@ApplicationScoped
public class JpaRoleBindingRepository implements RoleBindingRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public List<RoleBinding> forPrincipals(Collection<String> principals) {
    return em.createQuery(
            "select b from RoleBinding b left join fetch b.application"
                + " left join fetch b.environment where b.principal in :principals",
            RoleBinding.class)
        .setParameter("principals", principals)
        .getResultList();
  }

  @Override
  public List<RoleBinding> listOn(Application application, PageRequest page) {
    UUID after = page.after() == null ? null : UUID.fromString(page.after());
    String where = application == null ? "1 = 1" : "b.application = :app";
    TypedQuery<RoleBinding> query =
        em.createQuery(
            "select b from RoleBinding b where "
                + where
                + (after == null ? "" : " and b.id > :after")
                + " order by b.id",
            RoleBinding.class);
    if (application != null) {
      query.setParameter("app", application);
    }
    if (after != null) {
      query.setParameter("after", after);
    }
    return query.setMaxResults(page.limit() + 1).getResultList();
  }

  @Override
  public Optional<RoleBinding> binding(UUID id) {
    return Optional.ofNullable(em.find(RoleBinding.class, id));
  }

  @Override
  public boolean exists(RoleBinding binding) {
    return forPrincipals(List.of(binding.principal())).stream()
        .anyMatch(
            b ->
                b.role() == binding.role()
                    && sameId(b.application(), binding.application())
                    && sameId(b.environment(), binding.environment()));
  }

  private static boolean sameId(Tracked a, Tracked b) {
    return a == null ? b == null : b != null && a.id().equals(b.id());
  }

  @Override
  public void store(RoleBinding binding) {
    StoreWrites.store(em, binding, "Role binding of '" + binding.principal() + "'");
  }

  @Override
  public void remove(RoleBinding binding) {
    StoreWrites.remove(em, binding, "Role binding of '" + binding.principal() + "'");
  }
}
