package dev.setpoint.domain.secret;

/**
 * What the domain knows about who still uses a secret version replaced by a rotation; delivery,
 * which sees the running instances, answers it.
 */
public interface SecretUse {

  /**
   * False only when nothing can still need {@code previous}: the environment's newest release pins
   * another version, and every instance seen since the version was written was last served a
   * release that does not pin it. True when no instance was seen at all.
   */
  boolean stillUsed(SecretVersion previous);
}
