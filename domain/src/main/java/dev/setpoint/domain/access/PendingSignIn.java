package dev.setpoint.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in through the OpenID Connect provider that has been sent to the provider and not come
 * back yet. It holds hashes only: of the {@code state} the provider echoes, of the {@code nonce}
 * the id token must carry, and the PKCE challenge (itself the SHA-256 of the verifier, which only
 * the browser's cookie holds), so the table alone cannot finish anyone's sign-in. Taken once, on
 * the way back; gone after a few minutes either way.
 */
@Entity
@Table(name = "pending_sign_ins")
public class PendingSignIn {

  @Id private UUID id;

  @Column(name = "state_hash", nullable = false, updatable = false)
  private String stateHash;

  @Column(name = "code_challenge", nullable = false, updatable = false)
  private String codeChallenge;

  @Column(name = "nonce_hash", nullable = false, updatable = false)
  private String nonceHash;

  @Column(name = "redirect_uri", nullable = false, updatable = false)
  private String redirectUri;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  /** For JPA only. */
  protected PendingSignIn() {}

  PendingSignIn(
      String stateHash,
      String codeChallenge,
      String nonceHash,
      String redirectUri,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.stateHash = stateHash;
    this.codeChallenge = codeChallenge;
    this.nonceHash = nonceHash;
    this.redirectUri = redirectUri;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  String stateHash() {
    return stateHash;
  }

  String codeChallenge() {
    return codeChallenge;
  }

  String nonceHash() {
    return nonceHash;
  }

  /** The redirect URI sent to the provider, which the token request must repeat. */
  public String redirectUri() {
    return redirectUri;
  }

  boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
