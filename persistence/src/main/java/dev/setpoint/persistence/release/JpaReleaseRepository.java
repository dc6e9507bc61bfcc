package dev.setpoint.persistence.release;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.release.Consumer;
import dev.setpoint.domain.release.DeliveryChange;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Releases in {@code releases}, the change log in {@code delivery_changes}, sightings in {@code
 * release_consumers}.
 */
@ApplicationScoped
public class JpaReleaseRepository implements ReleaseRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Inject Clock clock;

  @Override
  public Optional<Release> latest(Environment environment) {
    return em.createQuery(
            "select r from Release r where r.environment = :env order by r.number desc",
            Release.class)
        .setParameter("env", environment)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Release> latest(UUID environmentId) {
    return em.createQuery(
            "select r from Release r join fetch r.environment e join fetch e.application"
                + " where e.id = :env order by r.number desc",
            Release.class)
        .setParameter("env", environmentId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Release> find(Environment environment, int number) {
    return em.createQuery(
            "select r from Release r where r.environment = :env and r.number = :number",
            Release.class)
        .setParameter("env", environment)
        .setParameter("number", number)
        .getResultStream()
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

  @Override
  public void announceChange(UUID environmentId) {
    em.persist(new DeliveryChangeRow(environmentId, clock.instant()));
  }

  @Override
  public List<DeliveryChange> changesSince(Instant since) {
    return em.createQuery(
            "select c from DeliveryChangeRow c where c.changedAt >= :since order by c.sequence",
            DeliveryChangeRow.class)
        .setParameter("since", since)
        .getResultStream()
        .map(c -> new DeliveryChange(c.sequence(), c.environmentId(), c.changedAt()))
        .toList();
  }

  @Override
  public int pruneChanges(Instant before) {
    return em.createQuery("delete from DeliveryChangeRow c where c.changedAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }

  @Override
  public void recordConsumers(List<Consumer> seen) {
    for (Consumer consumer : seen) {
      int updated =
          em.createQuery(
                  "update ConsumerRow c set c.releaseNumber = :number, c.lastSeenAt = :at"
                      + " where c.environmentId = :env and c.instance = :instance"
                      + " and c.lastSeenAt <= :at")
              .setParameter("number", consumer.releaseNumber())
              .setParameter("at", consumer.lastSeenAt())
              .setParameter("env", consumer.environmentId())
              .setParameter("instance", consumer.instance())
              .executeUpdate();
      if (updated == 0 && !known(consumer) && environmentExists(consumer.environmentId())) {
        em.persist(
            new ConsumerRow(
                consumer.environmentId(),
                consumer.instance(),
                consumer.releaseNumber(),
                consumer.lastSeenAt()));
      }
    }
    em.flush();
  }

  @Override
  public List<Consumer> consumers(Environment environment, String after, int limit) {
    TypedQuery<ConsumerRow> query =
        after == null
            ? em.createQuery(
                "select c from ConsumerRow c where c.environmentId = :env order by c.instance",
                ConsumerRow.class)
            : em.createQuery(
                    "select c from ConsumerRow c where c.environmentId = :env"
                        + " and c.instance > :after order by c.instance",
                    ConsumerRow.class)
                .setParameter("after", after);
    return query
        .setParameter("env", environment.id())
        .setMaxResults(limit + 1)
        .getResultStream()
        .map(JpaReleaseRepository::toConsumer)
        .toList();
  }

  @Override
  public List<Consumer> consumersSeenSince(UUID environmentId, Instant since) {
    return em.createQuery(
            "select c from ConsumerRow c where c.environmentId = :env and c.lastSeenAt >= :since",
            ConsumerRow.class)
        .setParameter("env", environmentId)
        .setParameter("since", since)
        .getResultStream()
        .map(JpaReleaseRepository::toConsumer)
        .toList();
  }

  @Override
  public int pruneConsumers(Instant before) {
    return em.createQuery("delete from ConsumerRow c where c.lastSeenAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }

  private boolean known(Consumer consumer) {
    return !em.createQuery(
            "select c.id from ConsumerRow c where c.environmentId = :env and c.instance = :instance",
            UUID.class)
        .setParameter("env", consumer.environmentId())
        .setParameter("instance", consumer.instance())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private boolean environmentExists(UUID environmentId) {
    return !em.createQuery("select e.id from Environment e where e.id = :id", UUID.class)
        .setParameter("id", environmentId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static Consumer toConsumer(ConsumerRow row) {
    return new Consumer(row.environmentId(), row.instance(), row.releaseNumber(), row.lastSeenAt());
  }
}
