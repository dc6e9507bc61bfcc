package dev.setpoint.domain.secret;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Values outside secret versions sealed under the master keys (webhook signing secrets, say): each
 * kind implements this, and the master-key rotation re-wraps and counts them with the versions.
 */
public interface SealedElsewhere {

  /** Ids of the master keys that wrap at least one of these values. */
  List<String> keyIdsInUse();

  /** How many of these values are wrapped by a key other than {@code keyId}. */
  long countWrappedByOtherThan(String keyId);

  /**
   * Re-wraps up to {@code limit} values not yet under the primary key, passing over {@code skip}; a
   * value whose data key does not unwrap is reported, never allowed to stop the job. Runs in the
   * caller's transaction.
   */
  RewrapBatch.Outcome rewrapNext(int limit, Set<UUID> skip);
}
