package dev.setpoint.web.change;

import dev.setpoint.api.change.Approvers;
import dev.setpoint.api.change.ChangeDiffView;
import dev.setpoint.api.change.ChangeReadinessView;
import dev.setpoint.api.change.ChangeRequestView;
import dev.setpoint.api.change.ChangeView;
import dev.setpoint.api.change.PromotionSourceView;
import dev.setpoint.api.change.ReviewEntryView;
import dev.setpoint.api.change.ReviewPolicyView;
import dev.setpoint.api.readiness.FindingView;
import dev.setpoint.domain.change.ChangeRequest;
import dev.setpoint.domain.change.ChangeRequestDetail;
import dev.setpoint.domain.change.ProposedChange;
import dev.setpoint.domain.readiness.Finding;
import dev.setpoint.domain.readiness.Severity;
import dev.setpoint.domain.review.ReviewPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Domain change-control objects to API records; a secret's value never appears. */
final class ChangeViews {

  private ChangeViews() {}

  static ReviewPolicyView of(ReviewPolicy.Rule rule) {
    Approvers approvers =
        rule.role() == null && rule.principals().isEmpty()
            ? null
            : new Approvers(
                rule.role() == null ? null : rule.role().id(),
                rule.principals().isEmpty() ? null : rule.principals());
    return new ReviewPolicyView(rule.approvals(), approvers, rule.explicit());
  }

  /** A request in a list: without diff, readiness and kept keys. */
  static ChangeRequestView summary(ChangeRequest request, int required) {
    return view(request, required, null, null, null);
  }

  static ChangeRequestView detail(ChangeRequestDetail detail) {
    return view(
        detail.request(),
        detail.rule().approvals(),
        detail.diff().stream().map(ChangeViews::of).toList(),
        new ChangeReadinessView(
            detail.findings().stream().noneMatch(f -> f.rule().severity() == Severity.CRITICAL),
            detail.findings().stream().map(ChangeViews::of).toList()),
        detail.kept());
  }

  private static ChangeRequestView view(
      ChangeRequest request,
      int required,
      List<ChangeDiffView> diff,
      ChangeReadinessView readiness,
      List<String> kept) {
    ChangeRequest.Source source = request.source();
    return new ChangeRequestView(
        request.number(),
        request.environment().slug().value(),
        request.status().id(),
        request.author(),
        request.message(),
        request.revision(),
        required,
        request.approvals().stream().map(a -> new ReviewEntryView(a.by(), a.at(), null)).toList(),
        request.changes().stream().map(c -> of(request, c)).toList(),
        diff,
        readiness,
        request.comments().stream()
            .map(c -> new ReviewEntryView(c.by(), c.at(), c.text()))
            .toList(),
        kept,
        source == null ? null : new PromotionSourceView(source.environment(), source.release()),
        request.appliedRelease(),
        request.closedBy(),
        request.closedAt(),
        request.createdAt(),
        request.updatedAt());
  }

  private static ChangeView of(ChangeRequest request, ProposedChange change) {
    return new ChangeView(
        change.op().wireName(),
        change.key(),
        change.op() == ProposedChange.Op.SET_SETTING ? settingValue(request, change) : null,
        change.message(),
        change.rollout() == null ? null : object(change.rollout()));
  }

  /** A proposed setting value, stored as the JSON it was checked as. */
  private static JsonValue settingValue(ChangeRequest request, ProposedChange change) {
    try (var reader = Json.createReader(new StringReader(change.value()))) {
      return reader.readValue();
    }
  }

  private static JsonObject object(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static ChangeDiffView of(ChangeRequestDetail.Entry entry) {
    return new ChangeDiffView(
        entry.op(),
        entry.key(),
        entry.before(),
        entry.after(),
        entry.currentVersion(),
        entry.release(),
        entry.moved());
  }

  private static FindingView of(Finding finding) {
    return new FindingView(
        finding.rule().id(),
        finding.rule().severity().wireName(),
        finding.key(),
        finding.rule().message(),
        finding.rule().remediation(),
        finding.rule().checklistItem(),
        finding.detail(),
        null,
        null);
  }
}
