package dev.setpoint.domain.delivery;

import dev.setpoint.domain.access.Target;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.SecretValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A release ready to be served again and again without the database: its settings, and for each
 * secret an {@link Envelope.Opener} whose data key is already unwrapped. Secret values are
 * decrypted by {@link #secretValues()} when the release is first served in a format, and the
 * rendered body is then kept with the snapshot ({@link #rendered}), in memory only, until the next
 * release replaces it. That is what makes a delivery read as cheap as a constant answer; the master
 * keys, which open every secret, are in the same memory anyway.
 */
public final class Snapshot {

  /** A pinned secret version, ready to decrypt. */
  public record SealedSecret(int version, String encoding, Envelope.Opener opener) {}

  private final Target target;
  private final int number;
  private final String hash;
  private final Instant publishedAt;
  private final SortedMap<String, ReleaseContent.SettingValue> settings;
  private final SortedMap<String, SealedSecret> secrets;
  private final Map<String, byte[]> rendered = new java.util.concurrent.ConcurrentHashMap<>();

  public Snapshot(
      Target target,
      int number,
      String hash,
      Instant publishedAt,
      Map<String, ReleaseContent.SettingValue> settings,
      Map<String, SealedSecret> secrets) {
    this.target = target;
    this.number = number;
    this.hash = hash;
    this.publishedAt = publishedAt;
    this.settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    this.secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
  }

  /**
   * True when a client holding {@code other} should receive this one: a newer release, or the same
   * release served differently (a pinned secret was deleted or recovered since).
   */
  public boolean supersedes(Snapshot other) {
    return number > other.number || (number == other.number && !hash.equals(other.hash));
  }

  public UUID environmentId() {
    return target.environmentId();
  }

  /** The application and environment this release belongs to, for access decisions. */
  public Target target() {
    return target;
  }

  public int number() {
    return number;
  }

  /**
   * The entity tag: the release's content hash, or, when pinned secrets were deleted or destroyed
   * since the release was published and are left out, a hash of that hash and the keys left out.
   */
  public String hash() {
    return hash;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public SortedMap<String, ReleaseContent.SettingValue> settings() {
    return settings;
  }

  public SortedMap<String, SealedSecret> secrets() {
    return secrets;
  }

  /**
   * The body of this release in {@code format}, rendered by {@code render} on first use and kept
   * for the following reads. A render that fails is not kept.
   */
  public byte[] rendered(String format, java.util.function.Function<Snapshot, byte[]> render) {
    return rendered.computeIfAbsent(format, f -> render.apply(this));
  }

  /**
   * Decrypts the one secret {@code key} now (text as written, binary as base64); empty when the
   * release holds no secret of that name. The caller writes it out and drops it.
   */
  public java.util.Optional<String> secretValue(String key) {
    SealedSecret secret = secrets.get(key);
    if (secret == null) {
      return java.util.Optional.empty();
    }
    SecretValue value = SecretValue.decrypted(secret.opener().open(), secret.encoding());
    String text = value.text();
    value.wipe();
    return java.util.Optional.of(text);
  }

  /**
   * Decrypts every secret now, in key order: text as written, binary values as base64. The caller
   * writes them out and drops them.
   */
  public Map<String, String> secretValues() {
    Map<String, String> values = new LinkedHashMap<>();
    secrets.forEach(
        (key, secret) -> {
          SecretValue value = SecretValue.decrypted(secret.opener().open(), secret.encoding());
          values.put(key, value.text());
          value.wipe();
        });
    return values;
  }
}
