package dev.setpoint.persistence.release;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Releases in {@code releases}. */
@ApplicationScoped
public class JpaReleaseRepository implements ReleaseRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<Release> latest(Environment environment) {
    return em
        .createQuery(
            "select r from Release r where r.environment = :env order by r.number desc",
            Release.class)
        .setParameter("env", environment)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Release> latest(UUID environmentId) {
    return em
        .createQuery(
            "select r from Release r join fetch r.environment e join fetch e.application"
                + " where e.id = :env order by r.number desc",
            Release.class)
        .setParameter("env", environmentId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Release> find(Environment environment, int number) {
    return em
        .createQuery(
            "select r from Release r where r.environment = :env and r.number = :number",
            Release.class)
        .setParameter("env", environment)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Release> list(Environment environment, Integer before, int limit) {
    TypedQuery<Release> query =
        before == null
            ? em.createQuery(
                "select r from Release r where r.environment = :env order by r.number desc",
                Release.class)
            : em.createQuery(
                    "select r from Release r where r.environment = :env and r.number < :before"
                        + " order by r.number desc",
                    Release.class)
                .setParameter("before", before);
    return query.setParameter("env", environment).setMaxResults(limit + 1).getResultList();
  }

  @Override
  public void store(Release release) {
    StoreWrites.store(em, release, "Release " + release.number());
  }
}
