package dev.setpoint.domain.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which password was last verified against which stored hash, for a few minutes: a person or script
 * that signs every request with HTTP Basic pays the slow hash once, not on every request.
 *
 * <p>What is held is never the password: the key is the user name with an HMAC-SHA-256 of the
 * password under a random key of this process (so two servers, or two starts, share nothing), and
 * the value is the stored hash the password matched. A hit counts only while the user's stored hash
 * is still that one, so a changed password, a removed user or a password set on another server
 * takes effect on the next request; only a correct password is ever remembered, so a wrong one
 * always pays the full hash. Its cost: someone who can read this server's memory could test guesses
 * against a remembered password with fast HMACs rather than PBKDF2, for at most the remembered time
 * ({@code SETPOINT_AUTH_PASSWORD_CACHE_TTL}, {@code PT0S} turns it off).
 */
final class VerifiedPasswords {

  private static final int MAX_ENTRIES = 10_000;

  private final Cache<String, String> verified;
  private final SecretKeySpec key;

  VerifiedPasswords(Duration ttl) {
    this.verified =
        ttl.isZero() || ttl.isNegative()
            ? null
            : Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).build();
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
  }

  /** Whether this password was verified against {@code storedHash} within the remembered time. */
  boolean matches(String username, char[] password, String storedHash) {
    if (verified == null) {
      return false;
    }
    String remembered = verified.getIfPresent(entry(username, password));
    return remembered != null
        && MessageDigest.isEqual(
            remembered.getBytes(StandardCharsets.UTF_8),
            storedHash.getBytes(StandardCharsets.UTF_8));
  }

  /** Notes that the password was verified against {@code storedHash}. */
  void remember(String username, char[] password, String storedHash) {
    if (verified != null) {
      verified.put(entry(username, password), storedHash);
    }
  }

  private String entry(String username, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return username + ':' + Base64.getEncoder().encodeToString(mac.doFinal(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
