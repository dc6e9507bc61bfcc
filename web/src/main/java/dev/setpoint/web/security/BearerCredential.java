package dev.setpoint.web.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A bearer token from {@code Authorization: Bearer ...}: a Setpoint service token when it starts
 * with {@code stp_}, otherwise a JWT from the organisation's OpenID Connect provider.
 */
public record BearerCredential(String token) implements Credential {

  public boolean serviceToken() {
    return token.startsWith(dev.setpoint.domain.access.TokenService.PREFIX);
  }

  @Override
  public void clear() {
    // the token is an immutable string owned by the request; nothing to wipe
  }

  @Override
  public String toString() {
    return "BearerCredential[redacted]";
  }
}
