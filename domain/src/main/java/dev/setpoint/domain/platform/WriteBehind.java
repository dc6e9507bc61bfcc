package dev.setpoint.domain.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Values noted in memory and written in batches, so that a hot path (every delivery, every token
 * check) does no database write: values of the same key coalesce ({@code merge}), at most {@code
 * maxPending} keys wait (a new key beyond that is dropped and logged), and a batch whose write
 * fails is merged back for the next attempt. Its owner flushes it periodically and on shutdown.
 *
 * @param <K> what a pending value is about
 * @param <V> what is written for it
 */
public final class WriteBehind<K, V> {

  /** Writes one batch; throws to keep it for the next attempt. */
  @FunctionalInterface
  public interface Writer<K, V> {
    void write(Map<K, V> batch);
  }

  private static final Logger LOG = Logger.getLogger(WriteBehind.class.getName());

  private final String what;
  private final int maxPending;
  private final BinaryOperator<V> merge;
  private final Writer<K, V> writer;
  private final Level failureLevel;
  private final Map<K, V> pending = new ConcurrentHashMap<>();

  /**
   * @param what what is buffered, for the log ("consumer sightings")
   * @param failureLevel how loud a failed background flush is logged
   */
  public WriteBehind(
      String what,
      int maxPending,
      BinaryOperator<V> merge,
      Writer<K, V> writer,
      Level failureLevel) {
    this.what = what;
    this.maxPending = maxPending;
    this.merge = merge;
    this.writer = writer;
    this.failureLevel = failureLevel;
  }

  /** Notes a value; dropped (and logged) when too many other keys are waiting to be written. */
  public void put(K key, V value) {
    if (pending.size() >= maxPending && !pending.containsKey(key)) {
      LOG.warning(() -> "Too many " + what + " waiting to be stored; dropping one");
      return;
    }
    pending.merge(key, value, merge);
  }

  /** Writes the pending values; on failure they are kept for the next attempt and it throws. */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<K, V> batch = new HashMap<>();
    for (K key : List.copyOf(pending.keySet())) {
      V value = pending.remove(key);
      if (value != null) {
        batch.put(key, value);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      writer.write(batch);
    } catch (RuntimeException e) {
      batch.forEach((key, value) -> pending.merge(key, value, merge));
      throw e;
    }
  }

  /** Flushes as {@link #flush()}, logging a failure instead; true when nothing failed. */
  public boolean flushQuietly() {
    try {
      flush();
      return true;
    } catch (RuntimeException e) {
      LOG.log(failureLevel, "Storing " + what + " failed; kept for the next attempt", e);
      return false;
    }
  }

  /** The value waiting to be written for {@code key}, if any. */
  public java.util.Optional<V> waiting(K key) {
    return java.util.Optional.ofNullable(pending.get(key));
  }

  /** How many keys wait to be written. */
  public int pending() {
    return pending.size();
  }
}
