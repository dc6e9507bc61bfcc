package dev.setpoint.persistence.audit;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditQuery;
import dev.setpoint.domain.audit.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Audit events in {@code audit_events}; the head in the single row of {@code audit_head}, whose row
 * lock serializes appends on PostgreSQL and H2 alike; the checkpoint in {@code audit_checkpoint}.
 */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Inject Clock clock;

  @Override
  public Position lockHead() {
    // an update takes the row lock and waits for any other appender to commit or roll back;
    // the read after it then sees that appender's head
    em.createNativeQuery("update audit_head set sequence = sequence where id = 1").executeUpdate();
    return head();
  }

  @Override
  public Position head() {
    return position("select sequence, hash from audit_head where id = 1");
  }

  @Override
  public void append(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<AuditEventRow> rows = events.stream().map(AuditEventRow::new).toList();
    rows.forEach(em::persist);
    em.flush();
    // written and never read back in this transaction: out of the persistence context, so that
    // later flushes of a long transaction (an import) do not check each one again
    rows.forEach(em::detach);
    AuditEvent last = events.get(events.size() - 1);
    em.createNativeQuery("update audit_head set sequence = ?1, hash = ?2 where id = 1")
        .setParameter(1, last.sequence())
        .setParameter(2, last.hash())
        .executeUpdate();
  }

  @Override
  public Position checkpoint() {
    return position("select sequence, hash from audit_checkpoint where id = 1");
  }

  private Position position(String sql) {
    Object[] row = (Object[]) em.createNativeQuery(sql).getSingleResult();
    return new Position(((Number) row[0]).longValue(), ((String) row[1]).trim());
  }

  @Override
  public List<AuditEvent> chain(long after, int limit) {
    return em
        .createQuery(
            "select e from AuditEventRow e where e.sequence > :after order by e.sequence",
            AuditEventRow.class)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(AuditEventRow::toEvent)
        .toList();
  }

  @Override
  public List<AuditEvent> find(AuditQuery query, int limit) {
    StringBuilder jpql = new StringBuilder("select e from AuditEventRow e where 1 = 1");
    Map<String, Object> parameters = new LinkedHashMap<>();
    condition(jpql, parameters, "e.application = :application", "application", query.application());
    condition(jpql, parameters, "e.environment = :environment", "environment", query.environment());
    condition(jpql, parameters, "e.actor = :actor", "actor", query.actor());
    condition(
        jpql,
        parameters,
        "e.action = :action",
        "action",
        query.action() == null ? null : query.action().wireName());
    condition(
        jpql,
        parameters,
        "e.outcome = :outcome",
        "outcome",
        query.outcome() == null ? null : query.outcome().wireName());
    condition(jpql, parameters, "e.recordedAt >= :from", "from", query.from());
    condition(jpql, parameters, "e.recordedAt < :to", "to", query.to());
    condition(jpql, parameters, "e.sequence < :before", "before", query.before());
    condition(jpql, parameters, "e.sequence > :after", "after", query.after());
    if (query.visible().isPresent()) {
      if (query.visible().get().isEmpty()) {
        return List.of();
      }
      condition(jpql, parameters, "e.applicationId in :visible", "visible", query.visible().get());
    } else if (!query.platformEvents()) {
      jpql.append(" and e.applicationId is not null");
    }
    boolean oldestFirst = query.after() != null;
    jpql.append(oldestFirst ? " order by e.sequence" : " order by e.sequence desc");
    TypedQuery<AuditEventRow> typed = em.createQuery(jpql.toString(), AuditEventRow.class);
    parameters.forEach(typed::setParameter);
    return typed.setMaxResults(limit).getResultList().stream().map(AuditEventRow::toEvent).toList();
  }

  private static void condition(
      StringBuilder jpql,
      Map<String, Object> parameters,
      String clause,
      String name,
      Object value) {
    if (value != null) {
      jpql.append(" and ").append(clause);
      parameters.put(name, value);
    }
  }

  @Override
  public Optional<Long> lastBefore(Instant instant) {
    return Optional.ofNullable(
        em.createQuery(
                "select max(e.sequence) from AuditEventRow e where e.recordedAt < :instant",
                Long.class)
            .setParameter("instant", instant)
            .getSingleResult());
  }

  @Override
  public void prune(Position checkpoint, String archive) {
    em.createQuery("delete from AuditEventRow e where e.sequence <= :through")
        .setParameter("through", checkpoint.sequence())
        .executeUpdate();
    em.createNativeQuery(
            "update audit_checkpoint set sequence = ?1, hash = ?2, archive = ?3, pruned_at = ?4"
                + " where id = 1")
        .setParameter(1, checkpoint.sequence())
        .setParameter(2, checkpoint.hash())
        .setParameter(3, archive)
        .setParameter(4, clock.instant())
        .executeUpdate();
  }
}
