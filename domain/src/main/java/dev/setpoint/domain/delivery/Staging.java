package dev.setpoint.domain.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * An environment's staged rollout as delivery applies it: the instances whose cohort the current
 * step covers get the newest release (the candidate), every other instance, and every request that
 * names no instance, gets the stable release.
 *
 * @param rolloutId the rollout, part of every instance's cohort hash
 * @param candidate the number of the release being rolled out (the environment's newest)
 * @param percent the share of the instances the current step covers, 0 to 100
 * @param stable the release the instances outside the step are served
 */
public record Staging(UUID rolloutId, int candidate, int percent, Snapshot stable) {

  /** The buckets instances are spread over: one per percent. */
  public static final int BUCKETS = 100;

  /** True when {@code instance} is served the candidate in the current step. */
  public boolean includes(String instance) {
    return covers(rolloutId, percent, instance);
  }

  /**
   * True when an instance is in the cohort a step of {@code percent} covers: its bucket (a stable
   * hash of the rollout and the instance id) is below the percentage. An instance stays in once it
   * is in, because the steps only grow. Requests without an instance id are never covered.
   */
  public static boolean covers(UUID rolloutId, int percent, String instance) {
    return instance != null && bucket(rolloutId, instance) < percent;
  }

  /** The bucket, 0 to 99, of {@code instance} in rollout {@code rolloutId}: SHA-256 based. */
  public static int bucket(UUID rolloutId, String instance) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((rolloutId + "/" + instance).getBytes(StandardCharsets.UTF_8));
      long value = ByteBuffer.wrap(digest, 0, 8).getLong() >>> 1;
      return (int) (value % BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
