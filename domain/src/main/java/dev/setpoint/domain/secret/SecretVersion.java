package dev.setpoint.domain.secret;

import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a secret: its sealed value (wrapped data key and ciphertext), a keyed fingerprint
 * for reuse detection, and its state. The plaintext is never stored.
 */
@Entity
@Table(name = "secret_versions")
public class SecretVersion extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "secret_id", nullable = false, updatable = false)
  private Secret secret;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  private SecretState state;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "value_encoding", nullable = false, updatable = false)
  private String encoding;

  @Column(name = "key_id")
  private String keyId;

  @Column(name = "wrapped_key")
  private byte[] wrappedKey;

  @Column(name = "ciphertext")
  private byte[] ciphertext;

  @Column(name = "fingerprint_key_id")
  private String fingerprintKeyId;

  @Column(name = "fingerprint")
  private String fingerprint;

  @Column(name = "valid_until")
  private Instant validUntil;

  protected SecretVersion() {}

  SecretVersion(
      Secret secret,
      int number,
      String createdBy,
      String encoding,
      Envelope.Sealed sealed,
      Envelope.Fingerprint fingerprint,
      Instant now) {
    super(now);
    this.secret = secret;
    this.number = number;
    this.state = SecretState.CURRENT;
    this.createdBy = createdBy;
    this.encoding = encoding;
    reseal(sealed, now);
    refingerprint(fingerprint);
  }

  /** The associated data that binds a ciphertext to exactly this version of this secret. */
  public byte[] place() {
    return secret.placeOf(number);
  }

  /** The sealed value, or null once destroyed. */
  public Envelope.Sealed sealed() {
    return ciphertext == null ? null : new Envelope.Sealed(keyId, wrappedKey, ciphertext);
  }

  void reseal(Envelope.Sealed sealed, Instant now) {
    this.keyId = sealed.keyId();
    this.wrappedKey = sealed.wrappedKey();
    this.ciphertext = sealed.ciphertext();
    touch(now);
  }

  void refingerprint(Envelope.Fingerprint value) {
    this.fingerprintKeyId = value.keyId();
    this.fingerprint = java.util.HexFormat.of().formatHex(value.value());
  }

  /** Replaced by a rotation: stays valid until {@code until}. */
  void keepValidUntil(Instant until, Instant now) {
    this.state = SecretState.PREVIOUS;
    this.validUntil = until;
    touch(now);
  }

  void retire(Instant now) {
    this.state = SecretState.RETIRED;
    this.validUntil = null;
    touch(now);
  }

  /** Removes the ciphertext and wrapped key for good. */
  void destroy(Instant now) {
    this.state = SecretState.DESTROYED;
    this.keyId = null;
    this.wrappedKey = null;
    this.ciphertext = null;
    this.fingerprint = null;
    this.fingerprintKeyId = null;
    this.validUntil = null;
    touch(now);
  }

  /** The state as of {@code now}: a previous version past its grace period counts as retired. */
  public SecretState stateAt(Instant now) {
    if (state == SecretState.PREVIOUS && validUntil != null && !now.isBefore(validUntil)) {
      return SecretState.RETIRED;
    }
    return state;
  }

  public Secret secret() {
    return secret;
  }

  public int number() {
    return number;
  }

  public SecretState state() {
    return state;
  }

  public String createdBy() {
    return createdBy;
  }

  public String encoding() {
    return encoding;
  }

  public String keyId() {
    return keyId;
  }

  public String fingerprintKeyId() {
    return fingerprintKeyId;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public Instant validUntil() {
    return validUntil;
  }
}
