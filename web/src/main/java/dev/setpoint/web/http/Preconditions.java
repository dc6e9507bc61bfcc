package dev.setpoint.web.http;

import dev.setpoint.domain.shared.Precondition;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Entity tags and conditional requests, the one place they are handled: strong tags of a resource's
 * version or content hash, {@code If-Match} read into a domain {@link Precondition}, {@code
 * If-None-Match} compared with the current tag.
 */
public final class Preconditions {

  private Preconditions() {}

  /** The strong tag of a resource at {@code version}. */
  public static EntityTag tag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The strong tag of content with this hash (a release). */
  public static EntityTag tag(String hash) {
    return new EntityTag(hash);
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

  /**
   * Whether {@code If-None-Match} matches the current tag (RFC 9110 §13.1.2): {@code *}, or any tag
   * of the list equal to it, compared weakly ({@code W/} ignored).
   */
  public static boolean ifNoneMatch(String header, String current) {
    if (header == null || header.isBlank()) {
      return false;
    }
    if (header.trim().equals("*")) {
      return true;
    }
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2
          && tag.startsWith("\"")
          && tag.endsWith("\"")
          && tag.substring(1, tag.length() - 1).equals(current)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The answer when the request's conditional headers do not hold for {@code tag} (304 for a
   * matching {@code If-None-Match}), tagged; empty when the request goes on.
   */
  public static Optional<Response> unmet(Request request, EntityTag tag) {
    Response.ResponseBuilder unmet = request.evaluatePreconditions(tag);
    return unmet == null ? Optional.empty() : Optional.of(unmet.tag(tag).build());
  }
}
