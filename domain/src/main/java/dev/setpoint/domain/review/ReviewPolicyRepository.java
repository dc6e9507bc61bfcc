package dev.setpoint.domain.review;

import dev.setpoint.domain.application.Environment;
import java.util.Optional;

/** Where environments' review policies are kept. */
public interface ReviewPolicyRepository {

  Optional<ReviewPolicy> policyOf(Environment environment);

  void store(ReviewPolicy policy);
}
