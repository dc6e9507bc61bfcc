package dev.setpoint.web.http;

import dev.setpoint.domain.shared.Precondition;
import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;

/**
 * Strong entity tags derived from a resource's version, and the reading of {@code If-Match} into a
 * domain {@link Precondition}.
 */
public final class EntityTags {

  private EntityTags() {}

  /** The strong tag of a resource at {@code version}. */
  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * Reads an {@code If-Match} header (RFC 9110 §13.1.1). Absent means no precondition; {@code *}
   * means "must exist"; otherwise a list of strong tags. Weak or malformed tags never match.
   */
  public static Precondition ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return Precondition.none();
    }
    if (header.trim().equals("*")) {
      return Precondition.anyVersion();
    }
    Set<Long> versions = new HashSet<>();
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        try {
          versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
          // a tag we never issued: it cannot match
        }
      }
    }
    return Precondition.oneOf(versions);
  }
}
