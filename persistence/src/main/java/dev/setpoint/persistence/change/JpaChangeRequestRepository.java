package dev.setpoint.persistence.change;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.change.ChangeRequest;
import dev.setpoint.domain.change.ChangeRequestRepository;
import dev.setpoint.domain.change.ChangeStatus;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Change requests in {@code change_requests}, numbered per environment. */
@ApplicationScoped
public class JpaChangeRequestRepository implements ChangeRequestRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<ChangeRequest> find(Environment environment, int number) {
    return em
        .createQuery(
            "select r from ChangeRequest r where r.environment = :env and r.number = :number",
            ChangeRequest.class)
        .setParameter("env", environment)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public int lastNumber(Environment environment) {
    Integer last =
        em.createQuery(
                "select max(r.number) from ChangeRequest r where r.environment = :env",
                Integer.class)
            .setParameter("env", environment)
            .getSingleResult();
    return last == null ? 0 : last;
  }

  @Override
  public List<ChangeRequest> list(
      Environment environment, ChangeStatus status, Integer before, int limit) {
    String where =
        "select r from ChangeRequest r where r.environment = :env"
            + (status == null ? "" : " and r.status = :status")
            + (before == null ? "" : " and r.number < :before")
            + " order by r.number desc";
    TypedQuery<ChangeRequest> query =
        em.createQuery(where, ChangeRequest.class).setParameter("env", environment);
    if (status != null) {
      query.setParameter("status", status.id());
    }
    if (before != null) {
      query.setParameter("before", before);
    }
    return query.setMaxResults(limit + 1).getResultList();
  }

  @Override
  public void store(ChangeRequest request) {
    StoreWrites.store(
        em, request, "Change request " + request.number() + " of " + request.environment().ref());
  }
}
