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

  /**
   * The prefix of every name that comes from the identity provider: such a person can never be a
   * built-in user (whose names have no colon), {@code admin}, {@code setpoint}, a {@code group:} or
   * a {@code token:} principal.
   */
  public static final String IDENTITY_PROVIDER_PREFIX = "oidc:";

  /** The longest name or group accepted from the identity provider. */
  public static final int MAX_PROVIDED_NAME = 128;

  /**
   * A person from the organisation's identity provider, named in its own namespace; empty when the
   * name or a group is blank, too long, or holds control characters.
   */
  public static java.util.Optional<Caller> fromIdentityProvider(String name, Set<String> groups) {
    if (!acceptable(name) || !groups.stream().allMatch(Caller::acceptable)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(user(IDENTITY_PROVIDER_PREFIX + name, groups));
  }

  private static boolean acceptable(String provided) {
    return provided != null
        && !provided.isBlank()
        && provided.length() <= MAX_PROVIDED_NAME
        && provided.codePoints().noneMatch(Character::isISOControl);
  }

  /** A person named exactly {@code name} (the identity provider's go through the factory above). */
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
