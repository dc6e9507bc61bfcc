package dev.setpoint.domain.secret;

/** Where a secret version is in its life. */
public enum SecretState {
  /** The value applications get now. */
  CURRENT("current"),
  /** Replaced by a rotation but still valid until its grace period ends (dual-active). */
  PREVIOUS("previous"),
  /** No longer valid; its ciphertext is kept until the secret is destroyed. */
  RETIRED("retired"),
  /** Its ciphertext is gone for good; only the metadata remains. */
  DESTROYED("destroyed");

  private final String wireName;

  SecretState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
