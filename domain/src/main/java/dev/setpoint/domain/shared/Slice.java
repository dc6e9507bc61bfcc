package dev.setpoint.domain.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the key of its last item when more items follow.
 *
 * @param <T> item type
 */
public record Slice<T>(List<T> items, String nextAfter) {

  public Slice {
    items = List.copyOf(items);
  }

  /**
   * Builds a page from a query that fetched up to {@code limit + 1} rows: the extra row only says
   * that another page exists.
   */
  public static <T> Slice<T> of(List<T> fetched, int limit, Function<T, String> keyOf) {
    if (fetched.size() <= limit) {
      return new Slice<>(fetched, null);
    }
    List<T> page = fetched.subList(0, limit);
    return new Slice<>(page, keyOf.apply(page.get(limit - 1)));
  }

  public <R> Slice<R> map(Function<T, R> mapper) {
    return new Slice<>(items.stream().map(mapper).toList(), nextAfter);
  }
}
