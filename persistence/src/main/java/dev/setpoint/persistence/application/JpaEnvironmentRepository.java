package dev.setpoint.persistence.application;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Environments in the {@code environments} table. */
@ApplicationScoped
public class JpaEnvironmentRepository implements EnvironmentRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<Environment> find(Application application, Slug slug) {
    return em
        .createQuery(
            "select e from Environment e where e.application = :app and e.slug = :slug",
            Environment.class)
        .setParameter("app", application)
        .setParameter("slug", slug.value())
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Environment> list(Application application, PageRequest page) {
    TypedQuery<Environment> query =
        page.after() == null
            ? em.createQuery(
                "select e from Environment e where e.application = :app order by e.slug",
                Environment.class)
            : em.createQuery(
                    "select e from Environment e where e.application = :app and e.slug > :after"
                        + " order by e.slug",
                    Environment.class)
                .setParameter("after", page.after());
    return query.setParameter("app", application).setMaxResults(page.limit() + 1).getResultList();
  }

  @Override
  public void store(Environment environment) {
    StoreWrites.store(em, environment, "Environment '" + environment.slug() + "'");
  }

  @Override
  public List<Environment> productionOf(Application application) {
    return em.createQuery(
            "select e from Environment e where e.application = :app and e.production = true",
            Environment.class)
        .setParameter("app", application)
        .getResultList();
  }

  @Override
  public List<UUID> idsOf(Application application) {
    return em.createQuery("select e.id from Environment e where e.application = :app", UUID.class)
        .setParameter("app", application)
        .getResultList();
  }

  @Override
  public void remove(Environment environment) {
    em.createQuery("delete from SettingOverride o where o.environment = :env")
        .setParameter("env", environment)
        .executeUpdate();
    StoreWrites.remove(em, environment, "Environment '" + environment.slug() + "'");
  }
}
