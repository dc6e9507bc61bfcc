package dev.setpoint.domain.platform;

/**
 * The entities a transaction has loaded and written. A long batch in one transaction (an import of
 * thousands of keys) releases them now and then: every write flushes, and a flush checks every
 * entity still held, so without a release the batch slows down with the square of its size.
 */
public interface WorkingSet {

  /**
   * Writes what is pending and lets go of every loaded entity; the transaction goes on. Callers
   * hold no entity across it (they load again what they need).
   */
  void release();
}
