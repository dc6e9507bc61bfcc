package dev.setpoint.domain.change;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.review.ReviewPolicy;
import dev.setpoint.domain.review.ReviewPolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Use cases on an environment's review policy: read it (anyone who reads), set it (its admins). */
@ApplicationScoped
@Transactional
public class PolicyService {

  private final EnvironmentService environments;
  private final ReviewPolicyRepository policies;
  private final ChangeControl control;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected PolicyService() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public PolicyService(
      EnvironmentService environments,
      ReviewPolicyRepository policies,
      ChangeControl control,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.environments = environments;
    this.policies = policies;
    this.control = control;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The rule in force in the environment (its own policy or the default). */
  public ReviewPolicy.Rule get(EnvironmentRef where) {
    return control.ruleOf(environments.get(where));
  }

  /** Sets the environment's own policy; needs the admin role on it. */
  public ReviewPolicy.Rule set(
      EnvironmentRef where, Integer approvals, String role, List<String> principals) {
    Environment environment = environments.get(where);
    access.require(Action.MANAGE, environment);
    ReviewPolicy.Rule rule = ReviewPolicy.Rule.of(approvals, role, principals);
    ReviewPolicy policy =
        policies
            .policyOf(environment)
            .map(
                p -> {
                  p.change(rule, access.actor(), clock.instant());
                  return p;
                })
            .orElseGet(() -> new ReviewPolicy(environment, rule, access.actor(), clock.instant()));
    policies.store(policy);
    audit.success(
        AuditAction.POLICY_SET,
        AuditTarget.of(environment),
        rule.approvals()
            + " approvals by "
            + (rule.role() == null ? "" : rule.role().id())
            + (rule.principals().isEmpty() ? "" : " " + rule.principals().size() + " named"));
    return policy.rule();
  }
}
