package dev.setpoint.domain.review;

import dev.setpoint.domain.application.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The rule every direct write to an environment passes: under a policy that asks for approvals the
 * write is refused ({@link ReviewRequired}) and must be proposed as a change request; applying an
 * approved request writes through the same use cases, inside {@link #applying}.
 */
@ApplicationScoped
public class ChangeControl {

  private static final ThreadLocal<Boolean> APPLYING = new ThreadLocal<>();

  private final ReviewPolicyRepository policies;
  private final ChangeControlConfig config;

  /** For the CDI container's proxy only. */
  protected ChangeControl() {
    this(null, null);
  }

  @Inject
  public ChangeControl(ReviewPolicyRepository policies, ChangeControlConfig config) {
    this.policies = policies;
    this.config = config;
  }

  /** The rule in force: the environment's own policy, or the default. */
  public ReviewPolicy.Rule ruleOf(Environment environment) {
    return policies
        .policyOf(environment)
        .map(ReviewPolicy::rule)
        .orElseGet(() -> defaultRule(environment));
  }

  private ReviewPolicy.Rule defaultRule(Environment environment) {
    if (config.enabled() && environment.production()) {
      return new ReviewPolicy.Rule(
          ChangeControlConfig.PRODUCTION_DEFAULT_APPROVALS, null, java.util.List.of(), false);
    }
    return ReviewPolicy.Rule.NONE;
  }

  /** Refuses a direct write to {@code environment} while its changes need approval. */
  public void requireDirect(Environment environment) {
    if (Boolean.TRUE.equals(APPLYING.get())) {
      return;
    }
    ReviewPolicy.Rule rule = ruleOf(environment);
    if (rule.reviewed()) {
      throw new ReviewRequired(
          "Changes to "
              + environment.application().slug()
              + "/"
              + environment.slug()
              + " need "
              + rule.approvals()
              + (rule.approvals() == 1 ? " approval" : " approvals")
              + ": propose them as a change request (POST .../environments/"
              + environment.slug()
              + "/change-requests); nothing was written");
    }
  }

  /**
   * Runs {@code work} past the rule: the application of an approved change request (once it has its
   * approvals and a current base), or a staged rollout's rollback to its stable release, which was
   * in force before the rollout and must not wait for approvals.
   */
  public <T> T applying(Supplier<T> work) {
    Boolean before = APPLYING.get();
    APPLYING.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      if (before == null) {
        APPLYING.remove();
      } else {
        APPLYING.set(before);
      }
    }
  }
}
