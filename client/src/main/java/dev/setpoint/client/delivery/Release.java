package dev.setpoint.client.delivery;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One release of an environment as a running application sees it: its values by key and the strong
 * ETag the server sent with them (quoted, e.g. {@code "3f2a…"}; {@code null} when the server sent
 * none). Immutable; {@link #toString()} names the ETag and the number of values, never a value.
 */
public record Release(String etag, Map<String, String> values) {

  /** Copies the values into an unmodifiable map sorted by key. */
  public Release {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  @Override
  public String toString() {
    return "Release[etag=" + etag + ", " + values.size() + " values]";
  }
}
