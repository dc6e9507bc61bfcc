package dev.setpoint.domain.shared;

import java.util.Set;

/**
 * What the caller believes the current version of a resource to be (HTTP {@code If-Match}). A
 * change is refused with {@link StaleVersion} when the belief is wrong, so two people editing the
 * same thing cannot silently overwrite each other.
 */
public final class Precondition {

  private static final Precondition NONE = new Precondition(Kind.NONE, Set.of());
  private static final Precondition ANY = new Precondition(Kind.ANY, Set.of());

  private enum Kind {
    NONE,
    ANY,
    VERSIONS
  }

  private final Kind kind;
  private final Set<Long> versions;

  private Precondition(Kind kind, Set<Long> versions) {
    this.kind = kind;
    this.versions = Set.copyOf(versions);
  }

  /** No expectation: the change applies to whatever is current. */
  public static Precondition none() {
    return NONE;
  }

  /** The resource must exist, whatever its version ({@code If-Match: *}). */
  public static Precondition anyVersion() {
    return ANY;
  }

  /**
   * The resource must be at one of these versions. An empty set matches nothing, which is how an
   * unusable tag (weak, malformed) is represented.
   */
  public static Precondition oneOf(Set<Long> versions) {
    return new Precondition(Kind.VERSIONS, versions);
  }

  /** Checks the expectation against an existing resource at {@code currentVersion}. */
  public void checkAgainst(long currentVersion, String what) {
    if (kind == Kind.VERSIONS && !versions.contains(currentVersion)) {
      throw new StaleVersion(
          what + " is at version " + currentVersion + ", not the one the request expected");
    }
  }

  /** Checks the expectation for a resource that does not exist yet. */
  public void checkAbsent(String what) {
    if (kind != Kind.NONE) {
      throw new StaleVersion(what + " does not exist, but the request expected it to");
    }
  }
}
