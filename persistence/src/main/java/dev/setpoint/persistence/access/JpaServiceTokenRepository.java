package dev.setpoint.persistence.access;

import dev.setpoint.domain.access.ServiceToken;
import dev.setpoint.domain.access.ServiceTokenRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Service tokens in {@code service_tokens} and their scope in {@code service_token_environments}.
 */
@ApplicationScoped
public class JpaServiceTokenRepository implements ServiceTokenRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<ServiceToken> findByHash(String tokenHash) {
    return em
        .createQuery("select t from ServiceToken t where t.tokenHash = :hash", ServiceToken.class)
        .setParameter("hash", tokenHash)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<ServiceToken> token(UUID id) {
    return Optional.ofNullable(em.find(ServiceToken.class, id));
  }

  @Override
  public List<ServiceToken> listOf(Set<UUID> applicationIds, PageRequest page) {
    if (applicationIds != null && applicationIds.isEmpty()) {
      return List.of();
    }
    UUID after = page.after() == null ? null : UUID.fromString(page.after());
    StringBuilder jpql = new StringBuilder("select t from ServiceToken t where 1 = 1");
    if (applicationIds != null) {
      jpql.append(" and t.application.id in :apps");
    }
    if (after != null) {
      jpql.append(" and t.id > :after");
    }
    TypedQuery<ServiceToken> query =
        em.createQuery(jpql.append(" order by t.id").toString(), ServiceToken.class);
    if (applicationIds != null) {
      query.setParameter("apps", applicationIds);
    }
    if (after != null) {
      query.setParameter("after", after);
    }
    return query.setMaxResults(page.limit() + 1).getResultList();
  }

  @Override
  public void store(ServiceToken token) {
    StoreWrites.store(em, token, "Service token '" + token.name() + "'");
  }

  @Override
  public void markUsed(UUID id, Instant at) {
    em.createQuery("update ServiceToken t set t.lastUsedAt = :at where t.id = :id")
        .setParameter("at", at)
        .setParameter("id", id)
        .executeUpdate();
  }
}
