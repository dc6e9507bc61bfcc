package dev.setpoint.persistence.application;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Applications in the {@code applications} table. */
@ApplicationScoped
public class JpaApplicationRepository implements ApplicationRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<Application> find(Slug slug) {
    return em
        .createQuery("select a from Application a where a.slug = :slug", Application.class)
        .setParameter("slug", slug.value())
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Application> list(PageRequest page) {
    TypedQuery<Application> query =
        page.after() == null
            ? em.createQuery("select a from Application a order by a.slug", Application.class)
            : em.createQuery(
                    "select a from Application a where a.slug > :after order by a.slug",
                    Application.class)
                .setParameter("after", page.after());
    return query.setMaxResults(page.limit() + 1).getResultList();
  }

  @Override
  public List<Application> listAmong(Set<UUID> ids, PageRequest page) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select a from Application a where a.id in :ids and a.slug > :after order by a.slug",
            Application.class)
        .setParameter("ids", ids)
        .setParameter("after", page.after() == null ? "" : page.after())
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public void store(Application application) {
    StoreWrites.store(em, application, "Application '" + application.slug() + "'");
  }

  @Override
  public void remove(Application application) {
    // the bulk deletes below bypass the persistence context: write what is pending first, and
    // forget what was loaded of the application afterwards (its environments may be managed)
    em.flush();
    em.createQuery(
            "delete from SettingOverride o where o.definition.id in"
                + " (select d.id from SettingDefinition d where d.application = :app)")
        .setParameter("app", application)
        .executeUpdate();
    em.createQuery("delete from SettingDefinition d where d.application = :app")
        .setParameter("app", application)
        .executeUpdate();
    em.createQuery("delete from Environment e where e.application = :app")
        .setParameter("app", application)
        .executeUpdate();
    em.clear();
    StoreWrites.remove(
        em,
        em.getReference(Application.class, application.id()),
        "Application '" + application.slug() + "'");
  }
}
