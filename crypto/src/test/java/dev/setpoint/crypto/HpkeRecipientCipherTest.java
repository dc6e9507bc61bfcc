package dev.setpoint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.hybrid.HpkeParameters;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.transfer.BundleCipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class HpkeRecipientCipherTest {

  private final HpkeRecipientCipher cipher = new HpkeRecipientCipher();
  private final byte[] manifest =
      "{\"application\":{\"slug\":\"shop\"}}".getBytes(StandardCharsets.UTF_8);
  private final byte[] secrets = "[\"value-one\"]".getBytes(StandardCharsets.UTF_8);

  private static KeysetHandle newKey() throws GeneralSecurityException {
    return KeysetHandle.generateNew(
        HpkeParameters.builder()
            .setVariant(HpkeParameters.Variant.TINK)
            .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
            .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
            .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
            .build());
  }

  private static String publicOf(KeysetHandle key) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(key.getPublicKeysetHandle());
  }

  private static byte[] open(KeysetHandle key, BundleCipher.Sealed sealed, byte[] context)
      throws GeneralSecurityException {
    return key.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
        .decrypt(sealed.ciphertext(), context);
  }

  @Test
  void onlyThePrivateKeyOpensWhatIsSealedToItsPublicKeyAndWithTheSameManifest()
      throws GeneralSecurityException {
    KeysetHandle key = newKey();
    BundleCipher.Sealed sealed = cipher.seal(publicOf(key), secrets, manifest);
    assertNull(sealed.kdf());
    assertEquals(Integer.toUnsignedString(key.getPrimary().getId()), sealed.recipient());
    assertEquals("HPKE/DHKEM_X25519_HKDF_SHA256/HKDF_SHA256/AES_256_GCM", sealed.cipher());
    assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("value"));
    assertArrayEquals(secrets, open(key, sealed, manifest));
    assertThrows(GeneralSecurityException.class, () -> open(newKey(), sealed, manifest));
    byte[] altered = "{\"application\":{\"slug\":\"shoq\"}}".getBytes(StandardCharsets.UTF_8);
    assertThrows(GeneralSecurityException.class, () -> open(key, sealed, altered));
  }

  @Test
  void aPrivateKeysetAnotherKindOfKeyOrNoKeysetIsRefusedNamingRecipient()
      throws GeneralSecurityException {
    KeysetHandle key = newKey();
    String privateKeyset =
        TinkJsonProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get());
    String aeadKeyset =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
            InsecureSecretKeyAccess.get());
    for (String wrong :
        new String[] {
          privateKeyset, aeadKeyset, "", "not json", "{\"key\":[]}", "[1]", "x".repeat(20_000)
        }) {
      InvalidValue refused = assertThrows(InvalidValue.class, () -> cipher.check(wrong));
      assertEquals("recipient", refused.violations().get(0).field());
      String rule = refused.violations().get(0).rule();
      assertTrue(
          rule.equals(HpkeRecipientCipher.RULE) || rule.startsWith("must be at most"),
          "a fixed rule, nothing of the keyset echoed: " + rule);
    }
    assertThrows(InvalidValue.class, () -> cipher.check(null));
  }
}
