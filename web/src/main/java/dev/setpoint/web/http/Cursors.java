package dev.setpoint.web.http;

import dev.setpoint.api.paging.Page;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * Opaque paging cursors. A cursor encodes the sort key of the last item of the previous page;
 * clients must treat it as an opaque string.
 */
public final class Cursors {

  private static final String PREFIX = "after:";

  private Cursors() {}

  /** The page a request asks for through its {@code limit} and {@code cursor} query parameters. */
  public static PageRequest page(String limit, String cursor) {
    int size = PageRequest.DEFAULT_LIMIT;
    if (limit != null && !limit.isEmpty()) {
      try {
        size = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        throw new InvalidValue(
            "limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
      }
    }
    return new PageRequest(decode(cursor), size);
  }

  /** Converts a domain slice into the API's page envelope. */
  public static <D, V> Page<V> toPage(Slice<D> slice, Function<D, V> view) {
    return new Page<>(slice.items().stream().map(view).toList(), encode(slice.nextAfter()));
  }

  /** The cursor of the page after the one ending at {@code lastKey}, or null for none. */
  public static String encode(String lastKey) {
    if (lastKey == null) {
      return null;
    }
    byte[] bytes = (PREFIX + lastKey).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
        return text.substring(PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidValue("cursor", "must be a nextCursor value returned by this list");
  }
}
