package dev.setpoint.persistence.rollout;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.rollout.Rollout;
import dev.setpoint.domain.rollout.RolloutRepository;
import dev.setpoint.domain.rollout.RolloutState;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rollouts in {@code rollouts}. */
@ApplicationScoped
public class JpaRolloutRepository implements RolloutRepository {

  private static final List<String> ACTIVE =
      List.of(RolloutState.RUNNING.name(), RolloutState.PAUSED.name());

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<Rollout> latest(Environment environment) {
    return em
        .createQuery(
            "select r from Rollout r where r.environment = :env"
                + " order by r.createdAt desc, r.candidateRelease desc",
            Rollout.class)
        .setParameter("env", environment)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Rollout> active(UUID environmentId) {
    return em
        .createQuery(
            "select r from Rollout r where r.environment.id = :env and r.state in :active"
                + " order by r.createdAt desc",
            Rollout.class)
        .setParameter("env", environmentId)
        .setParameter("active", ACTIVE)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<UUID> activeIds() {
    return em.createQuery("select r.id from Rollout r where r.state in :active", UUID.class)
        .setParameter("active", ACTIVE)
        .getResultList();
  }

  @Override
  public Optional<Rollout> find(UUID id) {
    return Optional.ofNullable(em.find(Rollout.class, id));
  }

  @Override
  public void store(Rollout rollout) {
    StoreWrites.store(em, rollout, "The rollout of release " + rollout.candidateRelease());
  }
}
