package dev.setpoint.domain.change;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.review.ReviewPolicy;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Use cases on change requests: propose writes to an environment, revise them, review them
 * (approve, reject, comment), withdraw them, and apply them in one transaction. The author never
 * approves their own request; a reviewer needs write access to the environment and the policy's
 * role or name; applying re-checks the approvals and that every key it writes is as it was when the
 * request was based on it.
 */
@ApplicationScoped
@Transactional
public class ChangeRequestService {

  /** Longest comment. */
  public static final int MAX_COMMENT_LENGTH = 2000;

  private final EnvironmentService environments;
  private final ChangeRequestRepository requests;
  private final ChangeProposals proposals;
  private final ChangeRequestDetails details;
  private final ChangeControl control;
  private final ChangeApplication application;
  private final Access access;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ChangeRequestService() {
    this(null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public ChangeRequestService(
      EnvironmentService environments,
      ChangeRequestRepository requests,
      ChangeProposals proposals,
      ChangeRequestDetails details,
      ChangeControl control,
      ChangeApplication application,
      Access access,
      AuditTrail audit,
      Clock clock) {
    this.environments = environments;
    this.requests = requests;
    this.proposals = proposals;
    this.details = details;
    this.control = control;
    this.application = application;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens a change request; needs write access (and publish access when it publishes). */
  public ChangeRequestDetail propose(
      EnvironmentRef where, String message, List<ChangeInput> changes) {
    Environment environment = environments.get(where);
    access.require(Action.WRITE, environment);
    checkMessage(message);
    int number = requests.lastNumber(environment) + 1;
    List<ProposedChange> checked = proposals.check(environment, number, changes);
    return open(environment, number, message, checked, null);
  }

  /** Stores a checked request (a proposal's or a promotion's) and announces it. */
  ChangeRequestDetail open(
      Environment environment,
      int number,
      String message,
      List<ProposedChange> checked,
      ChangeRequest.Source source) {
    requirePublishAccess(environment, checked);
    ChangeRequest request =
        new ChangeRequest(
            environment, number, access.actor(), message, checked, source, clock.instant());
    requests.store(request);
    audit.success(
        AuditAction.CHANGE_REQUEST_OPEN,
        target(request),
        checked.size() + (checked.size() == 1 ? " change" : " changes"));
    return details.of(request, control.ruleOf(environment));
  }

  /**
   * Replaces the proposal (and rebases a stale one): the approvals given so far are dropped, and
   * whoever revises it may not approve it either.
   */
  public ChangeRequestDetail revise(
      EnvironmentRef where, int number, String message, List<ChangeInput> changes) {
    ChangeRequest request = require(where, number, Action.WRITE);
    checkMessage(message);
    List<ProposedChange> checked = proposals.check(request.environment(), number, changes);
    requirePublishAccess(request.environment(), checked);
    request.revise(access.actor(), message, checked, clock.instant());
    requests.store(request);
    audit.success(
        AuditAction.CHANGE_REQUEST_UPDATE, target(request), "revision " + request.revision());
    return detail(request);
  }

  /** Requests of an environment, newest first; {@code status} filters when given. */
  public Slice<ChangeRequest> list(
      EnvironmentRef where, ChangeStatus status, Integer before, int limit) {
    Environment environment = environments.get(where);
    return Slice.of(
        requests.list(environment, status, before, limit),
        limit,
        r -> Integer.toString(r.number()));
  }

  /** One request with its diff against the environment now and the readiness of its result. */
  public ChangeRequestDetail get(EnvironmentRef where, int number) {
    return detail(require(where, number, Action.READ));
  }

  /** Approves the current revision; approved once the policy's number of approvals is given. */
  public ChangeRequestDetail approve(EnvironmentRef where, int number, String comment) {
    ChangeRequest request = require(where, number, Action.WRITE);
    ReviewPolicy.Rule rule = control.ruleOf(request.environment());
    requireReviewer(request, rule, "approve");
    request.approve(access.actor(), Math.max(rule.approvals(), 1), clock.instant());
    addComment(request, "comment", comment);
    requests.store(request);
    audit.success(
        AuditAction.CHANGE_REQUEST_APPROVE, target(request), "revision " + request.revision());
    return detail(request);
  }

  /** Rejects the request for good. */
  public ChangeRequestDetail reject(EnvironmentRef where, int number, String comment) {
    ChangeRequest request = require(where, number, Action.WRITE);
    requireReviewer(request, control.ruleOf(request.environment()), "reject");
    request.reject(access.actor(), clock.instant());
    addComment(request, "comment", comment);
    requests.store(request);
    audit.success(AuditAction.CHANGE_REQUEST_REJECT, target(request));
    return detail(request);
  }

  /** Closes the request without applying it; anyone who may write to the environment may. */
  public ChangeRequestDetail withdraw(EnvironmentRef where, int number) {
    ChangeRequest request = require(where, number, Action.WRITE);
    request.withdraw(access.actor(), clock.instant());
    requests.store(request);
    audit.success(AuditAction.CHANGE_REQUEST_WITHDRAW, target(request));
    return detail(request);
  }

  /** Adds a comment. */
  public ChangeRequestDetail comment(EnvironmentRef where, int number, String text) {
    ChangeRequest request = require(where, number, Action.WRITE);
    if (text == null || text.isBlank()) {
      throw new InvalidValue("text", "is required");
    }
    addComment(request, "text", text);
    requests.store(request);
    audit.success(AuditAction.CHANGE_REQUEST_COMMENT, target(request));
    return detail(request);
  }

  /**
   * Applies an approved request (an open one when the policy needs no approvals) in this one
   * transaction, through the setting, secret and publish use cases, as the caller: each checks its
   * own access. A request whose base moved is marked stale (that is kept) and refused.
   */
  @Transactional(dontRollbackOn = StaleChangeRequest.class)
  public ChangeRequestDetail apply(EnvironmentRef where, int number) {
    ChangeRequest request = require(where, number, Action.WRITE);
    ReviewPolicy.Rule rule = control.ruleOf(request.environment());
    request.requireStatus("applied", ChangeStatus.OPEN, ChangeStatus.APPROVED);
    int given = request.approvals().size();
    if (given < rule.approvals()) {
      throw new dev.setpoint.domain.shared.Conflict(
          "Change request "
              + number
              + " has "
              + given
              + " of the "
              + rule.approvals()
              + " approvals its environment's policy asks for");
    }
    List<String> moved = application.moved(request);
    if (!moved.isEmpty()) {
      request.stale(clock.instant());
      requests.store(request);
      audit.success(AuditAction.CHANGE_REQUEST_STALE, target(request), String.join(", ", moved));
      throw new StaleChangeRequest(
          "Change request "
              + number
              + " is stale: "
              + String.join(", ", moved)
              + " changed since it was proposed; its author may update it and ask for review"
              + " again. Nothing was applied.");
    }
    Integer release = control.applying(() -> application.apply(request, access.actor()));
    request.applied(access.actor(), release, clock.instant());
    requests.store(request);
    audit.success(
        AuditAction.CHANGE_REQUEST_APPLY,
        target(request),
        request.changes().size() + " changes" + (release == null ? "" : ", release " + release));
    return detail(request);
  }

  private ChangeRequestDetail detail(ChangeRequest request) {
    return details.of(request, control.ruleOf(request.environment()));
  }

  private ChangeRequest require(EnvironmentRef where, int number, Action action) {
    Environment environment = environments.get(where);
    access.require(action, environment);
    return requests
        .find(environment, number)
        .orElseThrow(
            () -> new NotFound("No change request " + number + " in " + environment.ref()));
  }

  private void requirePublishAccess(Environment environment, List<ProposedChange> checked) {
    if (checked.stream().anyMatch(c -> c.op() == ProposedChange.Op.PUBLISH)) {
      access.require(Action.PUBLISH, environment);
    }
  }

  /** A reviewer: not the author, and named by the rule (by role on the environment, or name). */
  private void requireReviewer(ChangeRequest request, ReviewPolicy.Rule rule, String step) {
    if (request.contributed(access.actor())) {
      throw refused(
          request,
          "The author of change request "
              + request.number()
              + " (or of a revision) cannot "
              + step
              + " it");
    }
    Caller caller = access.caller();
    boolean named = rule.principals().stream().anyMatch(caller.principals()::contains);
    boolean byRole = rule.role() != null && access.holds(rule.role(), request.environment());
    boolean anyWriter = rule.role() == null && rule.principals().isEmpty();
    if (!(named || byRole || anyWriter)) {
      throw refused(
          request,
          "Reviewing changes to "
              + request.environment().ref()
              + " needs "
              + (rule.role() == null ? "" : "the " + rule.role().id() + " role on it")
              + (rule.role() != null && !rule.principals().isEmpty() ? " or " : "")
              + (rule.principals().isEmpty() ? "" : "to be one of its named approvers"));
    }
  }

  private Forbidden refused(ChangeRequest request, String why) {
    audit.denied(AuditAction.ACCESS_WRITE, target(request), why);
    return new Forbidden(why);
  }

  private void addComment(ChangeRequest request, String field, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    if (text.length() > MAX_COMMENT_LENGTH) {
      throw new InvalidValue(field, "must be at most " + MAX_COMMENT_LENGTH + " characters");
    }
    request.comment(access.actor(), text, clock.instant());
  }

  private static void checkMessage(String message) {
    if (message != null && message.length() > ApiLimits.MAX_MESSAGE_LENGTH) {
      throw new InvalidValue(
          "message", "must be at most " + ApiLimits.MAX_MESSAGE_LENGTH + " characters");
    }
  }

  private static AuditTarget target(ChangeRequest request) {
    return AuditTarget.of(request.environment()).version(request.number());
  }
}
