package dev.setpoint.persistence.delivery;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.delivery.Consumer;
import dev.setpoint.domain.delivery.ConsumerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Consumer sightings in {@code release_consumers}. */
@ApplicationScoped
public class JpaConsumerRepository implements ConsumerRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

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
        .getResultList()
        .stream()
        .map(JpaConsumerRepository::toConsumer)
        .toList();
  }

  @Override
  public List<Consumer> consumersSeenSince(UUID environmentId, Instant since) {
    return em
        .createQuery(
            "select c from ConsumerRow c where c.environmentId = :env and c.lastSeenAt >= :since",
            ConsumerRow.class)
        .setParameter("env", environmentId)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(JpaConsumerRepository::toConsumer)
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
