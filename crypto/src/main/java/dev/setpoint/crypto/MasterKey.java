package dev.setpoint.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key-encryption key: 32 random bytes (AES-256), given as base64. Its id is derived from the
 * key itself (a SHA-256 prefix), so operators never have to name keys and an id can never point at
 * the wrong key. The raw bytes never leave this class.
 */
public final class MasterKey {

  /** Length of a master key in bytes (AES-256). */
  public static final int LENGTH = 32;

  private static final byte[] FINGERPRINT_LABEL =
      "setpoint/secret-fingerprint/v1".getBytes(StandardCharsets.UTF_8);

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink AEAD could not be registered", e);
    }
  }

  private final String id;
  private final Aead aead;
  private final byte[] fingerprintKey;

  private MasterKey(byte[] raw) throws GeneralSecurityException {
    this.id = "k" + HexFormat.of().formatHex(sha256(raw), 0, 6);
    AesGcmParameters parameters =
        AesGcmParameters.builder()
            .setKeySizeBytes(LENGTH)
            .setIvSizeBytes(12)
            .setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build();
    AesGcmKey key =
        AesGcmKey.builder()
            .setParameters(parameters)
            .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
            .build();
    KeysetHandle keyset =
        KeysetHandle.newBuilder()
            .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
            .build();
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.fingerprintKey = hmac(raw, FINGERPRINT_LABEL);
  }

  /**
   * Parses a base64 master key.
   *
   * @throws IllegalArgumentException naming the rule (never the key) when it is not 32 bytes of
   *     base64
   */
  public static MasterKey fromBase64(String encoded) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(encoded.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a master key must be base64", e);
    }
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException(
          "a master key must be " + LENGTH + " bytes of base64, not " + raw.length + " bytes");
    }
    try {
      return new MasterKey(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink refused an AES-256-GCM key", e);
    }
  }

  /** The id stored next to every data key this master key wraps. */
  public String id() {
    return id;
  }

  /** Tink's AES-256-GCM AEAD over this key, used to wrap data-key keysets. */
  Aead aead() {
    return aead;
  }

  /** HMAC-SHA256 of {@code data} under a key derived from this master key for fingerprints. */
  byte[] fingerprint(byte[] data) {
    return hmac(fingerprintKey, data);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
