package dev.setpoint.web.transfer;

import dev.setpoint.api.transfer.ComparisonView;
import dev.setpoint.api.transfer.CopyResultView;
import dev.setpoint.api.transfer.ImportItemView;
import dev.setpoint.api.transfer.ImportPlanView;
import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.transfer.Comparison;
import dev.setpoint.domain.transfer.CopyResult;
import dev.setpoint.domain.transfer.ImportPlan;
import dev.setpoint.domain.transfer.PlanItem;
import dev.setpoint.web.readiness.ReadinessViews;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Domain plans and comparisons to API records, and the query parameters they take. */
final class TransferViews {

  /** The prefix of a query parameter giving one key's type: {@code type.HTTP_PORT=string}. */
  static final String TYPE_PREFIX = "type.";

  private TransferViews() {}

  static ImportPlanView of(ImportPlan plan) {
    return new ImportPlanView(
        plan.format(),
        plan.applied(),
        new ImportPlanView.Counts(
            plan.count(PlanItem.Outcome.ADD),
            plan.count(PlanItem.Outcome.CHANGE),
            plan.count(PlanItem.Outcome.UNCHANGED),
            plan.count(PlanItem.Outcome.REFUSED)),
        plan.items().stream().map(TransferViews::of).toList(),
        plan.ignored());
  }

  static ImportItemView of(PlanItem item) {
    return new ImportItemView(
        item.environment(),
        item.key(),
        item.kind().wireName(),
        item.outcome().wireName(),
        item.type() == null ? null : item.type().wireName(),
        item.type() == null || item.value() == null ? null : item.type().toJson(item.value()),
        item.reason(),
        item.defines());
  }

  static ComparisonView of(Comparison comparison) {
    return new ComparisonView(
        comparison.from(),
        comparison.to(),
        comparison.onlyInFrom(),
        comparison.onlyInTo(),
        comparison.differ().stream()
            .map(
                d ->
                    new ComparisonView.Difference(
                        d.key(),
                        d.kind(),
                        d.type(),
                        value(d.type(), d.fromValue()),
                        value(d.type(), d.toValue())))
            .toList(),
        comparison.typeMismatch().stream()
            .map(m -> new ComparisonView.TypeMismatch(m.key(), m.fromType(), m.toType()))
            .toList(),
        comparison.same());
  }

  static CopyResultView of(CopyResult result, String to) {
    return new CopyResultView(
        result.from(), to, of(result.plan()), ReadinessViews.of(result.readiness()));
  }

  private static JsonValue value(String type, String canonical) {
    return canonical == null ? null : SettingType.named("type", type).toJson(canonical);
  }

  /** {@code true} or {@code false}; absent is false; anything else a 400 naming the parameter. */
  static boolean flag(String name, String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new InvalidValue(name, "must be true or false");
  }

  /** The {@code type.KEY=name} query parameters, by key. */
  static Map<String, String> types(MultivaluedMap<String, String> query) {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (parameter.getKey().startsWith(TYPE_PREFIX)) {
        if (parameter.getValue().size() != 1) {
          throw new InvalidValue(parameter.getKey(), "must be given once");
        }
        types.put(parameter.getKey().substring(TYPE_PREFIX.length()), parameter.getValue().get(0));
      }
    }
    return types;
  }
}
