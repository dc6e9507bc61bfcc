package dev.setpoint.persistence;

import dev.setpoint.domain.platform.WorkingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The transaction's persistence context: flushed, then cleared. */
@ApplicationScoped
public class JpaWorkingSet implements WorkingSet {

  @PersistenceContext(unitName = "setpoint")
  EntityManager em;

  @Override
  public void release() {
    em.flush();
    em.clear();
  }
}
