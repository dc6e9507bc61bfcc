package dev.setpoint.domain.transfer;

import java.util.Map;
import java.util.Objects;

/**
 * A file to import: its bytes, the format named or implied by its media type, the caller's type per
 * key ({@code string}, ... or {@code secret}), whether only the plan is wanted, and whether refused
 * keys may be left out of an applied import.
 */
public record ImportRequest(
    byte[] body,
    String format,
    String mediaType,
    Map<String, String> types,
    boolean dryRun,
    boolean skipRefused) {

  public ImportRequest {
    Objects.requireNonNull(body, "body");
    types = Map.copyOf(types);
  }

  @Override
  public String toString() {
    return "ImportRequest[" + body.length + " bytes, format " + format + ", dryRun " + dryRun + "]";
  }
}
