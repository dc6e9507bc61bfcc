package dev.setpoint.persistence;

import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.StaleVersion;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * Writes an entity through to the database at once, so that constraint and version failures surface
 * inside the use case as domain exceptions instead of at commit as opaque rollbacks.
 */
public final class StoreWrites {

  private StoreWrites() {}

  /** Persists {@code entity} if it is new, then flushes; {@code what} names it in errors. */
  public static void store(EntityManager em, Object entity, String what) {
    try {
      if (!em.contains(entity)) {
        em.persist(entity);
      }
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleVersion(what + " was changed by someone else; read it again and retry");
    } catch (PersistenceException e) {
      if (isConstraintViolation(e)) {
        throw new Conflict(what + " clashes with one that already exists");
      }
      throw e;
    }
  }

  /** Removes a managed entity and flushes, reporting a concurrent change as stale. */
  public static void remove(EntityManager em, Object entity, String what) {
    try {
      em.remove(entity);
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleVersion(what + " was changed by someone else; read it again and retry");
    }
  }

  private static boolean isConstraintViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException
          || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }
}
