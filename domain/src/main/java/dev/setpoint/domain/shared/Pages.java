package dev.setpoint.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a keyset-paged list to its end, for use cases that need every item. */
public final class Pages {

  private Pages() {}

  /** Every item of a list, fetched {@link PageRequest#MAX_LIMIT} at a time. */
  public static <T> List<T> all(Function<PageRequest, Slice<T>> fetch) {
    List<T> all = new ArrayList<>();
    String after = null;
    do {
      Slice<T> page = fetch.apply(new PageRequest(after, PageRequest.MAX_LIMIT));
      all.addAll(page.items());
      after = page.nextAfter();
    } while (after != null);
    return all;
  }

  /** Refuses a cursor that does not continue an id-ordered list (a tampered or foreign one). */
  public static void requireUuidCursor(PageRequest page) {
    if (page.after() == null) {
      return;
    }
    try {
      java.util.UUID.fromString(page.after());
    } catch (IllegalArgumentException e) {
      throw new InvalidValue("cursor", "is not a cursor of this list");
    }
  }
}
