package dev.setpoint.domain.review;

import dev.setpoint.domain.access.Role;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An environment's own review policy: how many approvals a change needs (0 to 3) and who may give
 * them, a role (on that environment) or named principals ({@code alice}, {@code group:sre}).
 */
@Entity
@Table(name = "review_policies")
public class ReviewPolicy extends Tracked {

  /** Most approvals a policy may ask for. */
  public static final int MAX_APPROVALS = 3;

  /** Most principals a policy may name. */
  public static final int MAX_PRINCIPALS = 50;

  private static final int MAX_PRINCIPAL_LENGTH = 200;

  @OneToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "approvals", nullable = false)
  private int approvals;

  @Column(name = "approver_role")
  private String approverRole;

  /** Newline-separated principal names. */
  @Column(name = "approver_principals")
  private String approverPrincipals;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected ReviewPolicy() {}

  public ReviewPolicy(Environment environment, Rule rule, String actor, Instant now) {
    super(now);
    this.environment = environment;
    change(rule, actor, now);
  }

  /** Replaces the rule. */
  public void change(Rule rule, String actor, Instant now) {
    this.approvals = rule.approvals();
    this.approverRole = rule.role() == null ? null : rule.role().id();
    this.approverPrincipals =
        rule.principals().isEmpty() ? null : String.join("\n", rule.principals());
    this.updatedBy = actor;
    touch(now);
  }

  public Environment environment() {
    return environment;
  }

  public String updatedBy() {
    return updatedBy;
  }

  /** The rule this policy sets. */
  public Rule rule() {
    Role role = approverRole == null ? null : Role.parse("approvers.role", approverRole);
    List<String> principals =
        approverPrincipals == null ? List.of() : Arrays.asList(approverPrincipals.split("\n"));
    return new Rule(approvals, role, principals, true);
  }

  /**
   * What an environment's changes need.
   *
   * @param role who may approve by role (on the environment); null with principals means only they
   * @param principals who may approve by name; empty with a null role means any writer
   * @param explicit whether the environment has a policy of its own (false: the default)
   */
  public record Rule(int approvals, Role role, List<String> principals, boolean explicit) {

    public Rule {
      principals = List.copyOf(principals);
    }

    /** No review: writes go straight through. */
    public static final Rule NONE = new Rule(0, null, List.of(), false);

    /** A rule from what a caller sent; 400 naming the field otherwise. */
    public static Rule of(Integer approvals, String role, List<String> principals) {
      if (approvals == null || approvals < 0 || approvals > MAX_APPROVALS) {
        throw new InvalidValue("approvals", "must be between 0 and " + MAX_APPROVALS);
      }
      Role parsed = role == null ? null : Role.parse("approvers.role", role);
      if (parsed == Role.VIEWER) {
        throw new InvalidValue(
            "approvers.role", "must be editor, releaser or admin: approvers need write access");
      }
      List<String> names = principals == null ? List.of() : principals;
      if (names.size() > MAX_PRINCIPALS) {
        throw new InvalidValue(
            "approvers.principals", "must list at most " + MAX_PRINCIPALS + " principals");
      }
      LinkedHashSet<String> checked = new LinkedHashSet<>();
      for (String name : names) {
        if (name == null
            || name.isBlank()
            || name.length() > MAX_PRINCIPAL_LENGTH
            || name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
          throw new InvalidValue(
              "approvers.principals",
              "must be user names or group:<name>, each 1 to "
                  + MAX_PRINCIPAL_LENGTH
                  + " characters without spaces or control characters");
        }
        checked.add(name);
      }
      return new Rule(approvals, parsed, new ArrayList<>(checked), true);
    }

    /** Whether changes need review at all. */
    public boolean reviewed() {
      return approvals > 0;
    }
  }
}
