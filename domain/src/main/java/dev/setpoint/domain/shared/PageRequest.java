package dev.setpoint.domain.shared;

import dev.setpoint.api.ApiLimits;

/**
 * A request for the next {@code limit} items of a list ordered by its natural key, starting after
 * the key {@code after} (null for the first page).
 */
public record PageRequest(String after, int limit) {

  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = ApiLimits.MAX_PAGE_SIZE;

  /** Page size when the caller names none. */
  public static final int DEFAULT_LIMIT = ApiLimits.DEFAULT_PAGE_SIZE;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValue("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }
}
