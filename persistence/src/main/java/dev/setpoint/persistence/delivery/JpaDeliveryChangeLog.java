package dev.setpoint.persistence.delivery;

import dev.setpoint.domain.delivery.DeliveryChange;
import dev.setpoint.domain.delivery.DeliveryChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The delivery change log in {@code delivery_changes}. */
@ApplicationScoped
public class JpaDeliveryChangeLog implements DeliveryChangeLog {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Inject Clock clock;

  @Override
  public void announceChange(UUID environmentId) {
    em.persist(new DeliveryChangeRow(environmentId, clock.instant()));
  }

  @Override
  public List<DeliveryChange> changesSince(Instant since) {
    return em
        .createQuery(
            "select c from DeliveryChangeRow c where c.changedAt >= :since order by c.sequence",
            DeliveryChangeRow.class)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(c -> new DeliveryChange(c.sequence(), c.environmentId(), c.changedAt()))
        .toList();
  }

  @Override
  public int pruneChanges(Instant before) {
    return em.createQuery("delete from DeliveryChangeRow c where c.changedAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
