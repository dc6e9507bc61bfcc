package dev.setpoint.domain.access;

import java.time.Instant;
import java.util.Optional;

/** Sign-ins sent to the OpenID Connect provider and not back yet, by the hash of their state. */
public interface PendingSignInRepository {

  void store(PendingSignIn pending);

  /**
   * Removes and returns the pending sign-in with this state hash; empty when there is none, or when
   * another request took it first (each is taken exactly once).
   */
  Optional<PendingSignIn> take(String stateHash);

  /** Removes those that expired by {@code now}; how many. */
  int removeExpired(Instant now);
}
