package dev.setpoint.persistence.access;

import dev.setpoint.domain.access.ConsoleSession;
import dev.setpoint.domain.access.ConsoleSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console sessions in {@code console_sessions}, by the SHA-256 of their id. */
@ApplicationScoped
public class JpaConsoleSessionRepository implements ConsoleSessionRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<ConsoleSession> findByHash(String idHash) {
    return em
        .createQuery("select s from ConsoleSession s where s.idHash = :hash", ConsoleSession.class)
        .setParameter("hash", idHash)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<ConsoleSession> of(String username) {
    return em.createQuery(
            "select s from ConsoleSession s where s.username = :user order by s.createdAt, s.id",
            ConsoleSession.class)
        .setParameter("user", username)
        .getResultList();
  }

  @Override
  public void store(ConsoleSession session) {
    em.persist(session);
  }

  @Override
  public boolean removeByHash(String idHash) {
    return em.createQuery("delete from ConsoleSession s where s.idHash = :hash")
            .setParameter("hash", idHash)
            .executeUpdate()
        > 0;
  }

  @Override
  public int removeAllOf(String username) {
    return em.createQuery("delete from ConsoleSession s where s.username = :user")
        .setParameter("user", username)
        .executeUpdate();
  }

  @Override
  public int removeEnded(Instant now) {
    return em.createQuery(
            "delete from ConsoleSession s where s.expiresAt <= :now or s.idleExpiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate();
  }
}
