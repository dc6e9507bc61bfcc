package dev.setpoint.domain.access;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is making the current request: a person (by user name, with the groups an identity provider
 * asserted), a service token, nobody ({@link #ANONYMOUS}), or Setpoint itself ({@link #SYSTEM}:
 * background work outside any request).
 *
 * @param name the user name, {@code token:<id>} for a service token
 * @param builtIn whether a person signed in against the built-in user store (not a JWT)
 */
public record Caller(
    Kind kind, String name, Set<String> groups, TokenScope token, boolean builtIn) {

  /** The kinds of caller. */
  public enum Kind {
    ANONYMOUS,
    USER,
    SERVICE_TOKEN,
    SYSTEM
  }

  /** The prefix of a role binding's principal that names a group instead of a user. */
  public static final String GROUP_PREFIX = "group:";

  public static final Caller ANONYMOUS =
      new Caller(Kind.ANONYMOUS, "anonymous", Set.of(), null, false);
  public static final Caller SYSTEM = new Caller(Kind.SYSTEM, "setpoint", Set.of(), null, false);

  public Caller {
    groups = Set.copyOf(groups);
  }

  /** A person from the organisation's identity provider. */
  public static Caller user(String name, Set<String> groups) {
    return new Caller(Kind.USER, name, groups, null, false);
  }

  /** A person from the built-in user store. */
  public static Caller builtInUser(String name) {
    return new Caller(Kind.USER, name, Set.of(), null, true);
  }

  public static Caller token(TokenScope scope) {
    return new Caller(Kind.SERVICE_TOKEN, "token:" + scope.tokenId(), Set.of(), scope, false);
  }

  /** The principals role bindings may name for this caller: its name and {@code group:<g>}. */
  public Set<String> principals() {
    Set<String> principals = new LinkedHashSet<>();
    principals.add(name);
    groups.forEach(g -> principals.add(GROUP_PREFIX + g));
    return principals;
  }
}
