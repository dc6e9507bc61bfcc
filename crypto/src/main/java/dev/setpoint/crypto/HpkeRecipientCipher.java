package dev.setpoint.crypto;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.transfer.BundleCipher;
import dev.setpoint.domain.transfer.RecipientCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;

/**
 * A bundle's secrets encrypted to a recipient's public keyset: Tink's hybrid encryption with an
 * HPKE key (RFC 9180; {@code setpoint bundle keygen} makes X25519, HKDF-SHA256, AES-256-GCM), the
 * bundle's readable part as context info. The keyset is read in Tink's JSON format without secret
 * material ({@link TinkJsonProtoKeysetFormat#parseKeysetWithoutSecret}), so a private keyset sent
 * here by mistake is refused, not used.
 */
@ApplicationScoped
public class HpkeRecipientCipher implements RecipientCipher {

  /** Longest public keyset accepted, in characters: one HPKE key is about 300. */
  static final int MAX_KEYSET_CHARS = 16_384;

  static final String RULE =
      "must be a public keyset in Tink's JSON format whose primary key is an HPKE key, with no"
          + " private key in it (setpoint bundle keygen writes one)";

  static {
    try {
      HybridConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public void check(String publicKeyset) {
    parse(publicKeyset);
  }

  @Override
  public BundleCipher.Sealed seal(String publicKeyset, byte[] plaintext, byte[] associatedData) {
    KeysetHandle handle = parse(publicKeyset);
    HpkeParameters parameters = (HpkeParameters) handle.getPrimary().getKey().getParameters();
    try {
      HybridEncrypt encrypt = handle.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
      return new BundleCipher.Sealed(
          null,
          cipherName(parameters),
          Integer.toUnsignedString(handle.getPrimary().getId()),
          encrypt.encrypt(plaintext, associatedData));
    } catch (GeneralSecurityException e) {
      throw new InvalidValue("recipient", RULE);
    }
  }

  /** The cipher's name as a bundle records it, e.g. {@code HPKE/DHKEM_X25519_HKDF_SHA256/...}. */
  static String cipherName(HpkeParameters parameters) {
    return "HPKE/"
        + name(parameters.getKemId())
        + "/"
        + name(parameters.getKdfId())
        + "/"
        + name(parameters.getAeadId());
  }

  /** An algorithm's name without the code point Tink appends, as in {@code HKDF_SHA256(0x0001)}. */
  private static String name(Object algorithm) {
    return algorithm.toString().replaceFirst("\\(0x[0-9a-fA-F]+\\)$", "");
  }

  private static KeysetHandle parse(String publicKeyset) {
    if (publicKeyset == null || publicKeyset.isBlank()) {
      throw new InvalidValue("recipient", RULE);
    }
    if (publicKeyset.length() > MAX_KEYSET_CHARS) {
      throw new InvalidValue("recipient", "must be at most " + MAX_KEYSET_CHARS + " characters");
    }
    KeysetHandle handle;
    try {
      handle = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Tink's JSON reader throws unchecked exceptions for malformed text; never echoed
      throw new InvalidValue("recipient", RULE);
    }
    if (!(handle.getPrimary().getKey().getParameters() instanceof HpkeParameters)) {
      throw new InvalidValue("recipient", RULE);
    }
    return handle;
  }
}
