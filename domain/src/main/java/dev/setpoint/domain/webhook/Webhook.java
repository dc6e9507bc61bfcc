package dev.setpoint.domain.webhook;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An application's webhook: where to send its events, and the signing secret, sealed like a secret
 * value (shown once, when created).
 */
@Entity
@Table(name = "webhooks")
public class Webhook extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false, updatable = false)
  private Application application;

  @Column(name = "url", nullable = false, updatable = false)
  private String url;

  @Column(name = "secret_key_id", nullable = false)
  private String secretKeyId;

  @Column(name = "secret_wrapped_key", nullable = false)
  private byte[] secretWrappedKey;

  @Column(name = "secret_ciphertext", nullable = false)
  private byte[] secretCiphertext;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected Webhook() {}

  Webhook(Application application, String url, String createdBy, Instant now) {
    super(now);
    this.application = application;
    this.url = url;
    this.createdBy = createdBy;
  }

  void seal(Envelope.Sealed sealed) {
    this.secretKeyId = sealed.keyId();
    this.secretWrappedKey = sealed.wrappedKey();
    this.secretCiphertext = sealed.ciphertext();
  }

  /** The same secret, its data key re-wrapped (by the master-key rotation). */
  void reseal(Envelope.Sealed rewrapped, Instant now) {
    seal(rewrapped);
    touch(now);
  }

  Envelope.Sealed sealed() {
    return new Envelope.Sealed(secretKeyId, secretWrappedKey, secretCiphertext);
  }

  /** The associated data its secret is sealed for: it opens for this webhook only. */
  byte[] place() {
    return ("webhook:" + id()).getBytes(StandardCharsets.UTF_8);
  }

  public Application application() {
    return application;
  }

  public String url() {
    return url;
  }

  public String createdBy() {
    return createdBy;
  }
}
