package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;

/**
 * The bounds an import is read within (see {@link ImportConfig}): a file past one of them is
 * refused whole, naming the limit, before anything is planned.
 */
public record ImportLimits(
    int maxKeys,
    int maxDepth,
    int maxValueLength,
    int maxAliases,
    int maxExpandedBytes,
    int maxFiles) {

  /** Refuses the import once it holds more than {@link #maxKeys} keys. */
  void count(String field, int keys) {
    if (keys > maxKeys) {
      throw new InvalidValue(
          field, "must hold at most " + maxKeys + " keys (setpoint.import.max-keys)");
    }
  }

  /** Refuses nesting deeper than {@link #maxDepth}. */
  void depth(String field, int depth) {
    if (depth > maxDepth) {
      throw new InvalidValue(
          field, "must nest at most " + maxDepth + " levels deep (setpoint.import.max-depth)");
    }
  }
}
