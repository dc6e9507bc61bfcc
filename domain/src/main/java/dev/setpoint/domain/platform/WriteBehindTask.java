package dev.setpoint.domain.platform;

import jakarta.annotation.PreDestroy;

/**
 * A background job whose work is writing a {@link WriteBehind} buffer: every {@link #interval()},
 * and once more when the application stops ({@link #finish()}, and again when the bean is destroyed
 * in case nothing called it), so a clean shutdown loses nothing that was noted.
 *
 * @param <K> what a pending value is about
 * @param <V> what is written for it
 */
public abstract class WriteBehindTask<K, V> implements PeriodicTask {

  /** The buffer this job writes. */
  protected abstract WriteBehind<K, V> pending();

  /** Writes what is pending; a failed write keeps it for the next run. */
  @Override
  public void run() {
    pending().flushQuietly();
  }

  /** Writes what is still pending, and nothing else a run would do. */
  @Override
  public void finish() {
    pending().flushQuietly();
  }

  @PreDestroy
  void stop() {
    finish();
  }
}
