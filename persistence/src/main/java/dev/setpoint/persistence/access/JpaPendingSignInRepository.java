package dev.setpoint.persistence.access;

import dev.setpoint.domain.access.PendingSignIn;
import dev.setpoint.domain.access.PendingSignInRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Pending OpenID Connect sign-ins in {@code pending_sign_ins}, by the SHA-256 of their state. */
@ApplicationScoped
public class JpaPendingSignInRepository implements PendingSignInRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public void store(PendingSignIn pending) {
    em.persist(pending);
  }

  @Override
  public Optional<PendingSignIn> take(String stateHash) {
    Optional<PendingSignIn> found =
        em
            .createQuery(
                "select p from PendingSignIn p where p.stateHash = :hash", PendingSignIn.class)
            .setParameter("hash", stateHash)
            .getResultList()
            .stream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    em.detach(found.get());
    // the delete decides: of two requests with one state, only the one that removed the row wins
    int removed =
        em.createQuery("delete from PendingSignIn p where p.stateHash = :hash")
            .setParameter("hash", stateHash)
            .executeUpdate();
    return removed == 1 ? found : Optional.empty();
  }

  @Override
  public int removeExpired(Instant now) {
    return em.createQuery("delete from PendingSignIn p where p.expiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate();
  }
}
