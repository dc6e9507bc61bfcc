package dev.setpoint.domain.transfer;

import java.util.List;

/**
 * What an import does, key by key, and whether it was applied.
 *
 * @param ignored files of a Spring layout that name no target of this application
 */
public record ImportPlan(
    String format, boolean applied, List<PlanItem> items, List<String> ignored) {

  public ImportPlan {
    items = List.copyOf(items);
    ignored = List.copyOf(ignored);
  }

  public long count(PlanItem.Outcome outcome) {
    return items.stream().filter(i -> i.outcome() == outcome).count();
  }
}
