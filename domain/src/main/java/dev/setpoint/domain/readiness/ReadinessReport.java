package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's readiness: its status and open findings, most severe first, each with the
 * suppression that covers it, if any.
 */
public record ReadinessReport(Environment environment, String status, List<Item> findings) {

  /** One finding as reported, with the suppression that covers it, if any. */
  public record Item(ReadinessFinding finding, Suppression suppression) {
    public boolean counts() {
      return suppression == null;
    }

    boolean counts(Severity severity) {
      return counts() && finding.rule().severity() == severity;
    }
  }

  /** The report of {@code open} findings under the {@code suppressions} active now. */
  static ReadinessReport of(
      Environment environment, List<ReadinessFinding> open, List<Suppression> suppressions) {
    List<Item> items = new ArrayList<>();
    for (ReadinessFinding finding : open) {
      Suppression covering =
          suppressions.stream().filter(s -> s.covers(finding.identity())).findFirst().orElse(null);
      items.add(new Item(finding, covering));
    }
    items.sort(
        Comparator.comparing((Item i) -> i.finding().rule().severity())
            .thenComparing(i -> i.finding().rule().id())
            .thenComparing(i -> String.valueOf(i.finding().key())));
    return new ReadinessReport(environment, status(items), List.copyOf(items));
  }

  /** The findings that count (are not suppressed) and are critical: what blocks a release. */
  List<Item> blocking() {
    return findings.stream().filter(i -> i.counts(Severity.CRITICAL)).toList();
  }

  /** How many findings of each severity count, every severity listed. */
  Map<Severity, Long> counts() {
    Map<Severity, Long> counts = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      counts.put(severity, findings.stream().filter(i -> i.counts(severity)).count());
    }
    return counts;
  }

  /**
   * {@code blocked} with an open critical finding, {@code attention} with any other, else ready.
   */
  private static String status(List<Item> items) {
    if (items.stream().anyMatch(i -> i.counts(Severity.CRITICAL))) {
      return "blocked";
    }
    return items.stream().anyMatch(Item::counts) ? "attention" : "ready";
  }
}
