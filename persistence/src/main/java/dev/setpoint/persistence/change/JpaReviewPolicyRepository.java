package dev.setpoint.persistence.change;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.review.ReviewPolicy;
import dev.setpoint.domain.review.ReviewPolicyRepository;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Review policies in {@code review_policies}, one per environment at most. */
@ApplicationScoped
public class JpaReviewPolicyRepository implements ReviewPolicyRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<ReviewPolicy> policyOf(Environment environment) {
    return em
        .createQuery("select p from ReviewPolicy p where p.environment = :env", ReviewPolicy.class)
        .setParameter("env", environment)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public void store(ReviewPolicy policy) {
    StoreWrites.store(em, policy, "The policy of " + policy.environment().ref());
  }
}
