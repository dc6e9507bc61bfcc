package dev.setpoint.persistence.readiness;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.readiness.ReadinessFinding;
import dev.setpoint.domain.readiness.ReadinessRepository;
import dev.setpoint.domain.readiness.Suppression;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Findings in {@code readiness_findings}, suppressions, and leases in {@code scheduler_leases}. */
@ApplicationScoped
public class JpaReadinessRepository implements ReadinessRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public void lockFindings(Environment environment) {
    // the environment's row lock: evaluations of one environment take turns, on every server
    em.createNativeQuery("select id from environments where id = ?1 for update")
        .setParameter(1, environment.id())
        .getResultList();
  }

  @Override
  public List<ReadinessFinding> openFindings(Environment environment) {
    return em.createQuery(
            "select f from ReadinessFinding f where f.environment = :environment"
                + " and f.resolvedAt is null",
            ReadinessFinding.class)
        .setParameter("environment", environment)
        .getResultList();
  }

  @Override
  public List<ReadinessFinding> openFindings(List<UUID> environmentIds) {
    if (environmentIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select f from ReadinessFinding f where f.environment.id in :ids"
                + " and f.resolvedAt is null",
            ReadinessFinding.class)
        .setParameter("ids", environmentIds)
        .getResultList();
  }

  @Override
  public void store(ReadinessFinding finding) {
    StoreWrites.store(em, finding, "Readiness finding");
  }

  @Override
  public List<Suppression> activeSuppressions(Environment environment, Instant now) {
    return em.createQuery(
            "select s from Suppression s where s.environment = :environment"
                + " and s.expiresAt > :now order by s.createdAt",
            Suppression.class)
        .setParameter("environment", environment)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public List<Suppression> activeSuppressions(List<UUID> environmentIds, Instant now) {
    if (environmentIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select s from Suppression s where s.environment.id in :ids and s.expiresAt > :now",
            Suppression.class)
        .setParameter("ids", environmentIds)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public Optional<Suppression> suppression(UUID id) {
    return Optional.ofNullable(em.find(Suppression.class, id));
  }

  @Override
  public void store(Suppression suppression) {
    StoreWrites.store(em, suppression, "Suppression");
  }

  @Override
  public void remove(Suppression suppression) {
    StoreWrites.remove(em, suppression, "Suppression");
  }

  @Override
  public Map<String, Long> openCounts(Instant now) {
    List<Object[]> rows =
        em.createQuery(
                "select f.severity, count(f) from ReadinessFinding f where f.resolvedAt is null"
                    + " and not exists (select s from Suppression s where s.environment ="
                    + " f.environment and s.rule = f.rule and coalesce(s.key, '') ="
                    + " coalesce(f.key, '') and s.expiresAt > :now) group by f.severity",
                Object[].class)
            .setParameter("now", now)
            .getResultList();
    Map<String, Long> counts = new LinkedHashMap<>();
    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  @Override
  public Optional<Environment> environment(UUID id) {
    return Optional.ofNullable(em.find(Environment.class, id));
  }

  @Override
  public List<UUID> environmentIdsOf(UUID applicationId) {
    return em.createQuery(
            "select e.id from Environment e where e.application.id = :app", UUID.class)
        .setParameter("app", applicationId)
        .getResultList();
  }

  @Override
  public List<UUID> allEnvironmentIds() {
    return em.createQuery("select e.id from Environment e order by e.id", UUID.class)
        .getResultList();
  }

  @Override
  public boolean claimLease(String name, String holder, Instant now, Instant until) {
    return em.createNativeQuery(
                "update scheduler_leases set holder = ?1, lease_until = ?2"
                    + " where name = ?3 and lease_until < ?4")
            .setParameter(1, holder)
            .setParameter(2, until)
            .setParameter(3, name)
            .setParameter(4, now)
            .executeUpdate()
        == 1;
  }
}
