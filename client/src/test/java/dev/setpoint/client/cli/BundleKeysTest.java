package dev.setpoint.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BundleKeysTest {

  private final String secret = "canary-" + UUID.randomUUID();
  private final JsonObject manifest =
      Json.createObjectBuilder()
          .add("application", Json.createObjectBuilder().add("slug", "shop").add("name", "Shop"))
          .add("secrets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "K")))
          .build();

  /** A bundle sealed as the server seals it: HPKE to the public keyset, the manifest as context. */
  private JsonObject bundleTo(String publicKeyset, JsonObject manifest)
      throws GeneralSecurityException {
    HybridEncrypt encrypt =
        TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
            .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
    byte[] context = ("setpoint-bundle/1\n" + manifest).getBytes(StandardCharsets.UTF_8);
    byte[] plaintext = ("[\"" + secret + "\"]").getBytes(StandardCharsets.UTF_8);
    return Json.createObjectBuilder()
        .add("format", "setpoint-bundle")
        .add("version", 1)
        .add("manifest", manifest)
        .add(
            "secrets",
            Json.createObjectBuilder()
                .add("recipient", "42")
                .add("cipher", "HPKE")
                .add(
                    "ciphertext",
                    Base64.getEncoder().encodeToString(encrypt.encrypt(plaintext, context))))
        .build();
  }

  @Test
  void aGeneratedKeyDecryptsWhatIsSealedToItsPublicKeyset() throws Exception {
    BundleKeys.Pair pair = BundleKeys.generate();
    assertFalse(pair.publicKeyset().contains("PrivateKey"), pair.publicKeyset());
    assertTrue(pair.privateKeyset().contains("HpkePrivateKey"));
    assertFalse(pair.toString().contains(pair.privateKeyset()));
    JsonObject bundle = bundleTo(pair.publicKeyset(), manifest);
    assertEquals("42", BundleKeys.recipient(bundle));

    JsonObject decrypted = BundleKeys.decrypted(bundle, pair.privateKeyset(), "id.json");
    assertEquals(manifest, decrypted.getJsonObject("manifest"));
    assertEquals(
        Json.createObjectBuilder().add("values", Json.createArrayBuilder().add(secret)).build(),
        decrypted.getJsonObject("secrets"));
    assertNull(BundleKeys.recipient(decrypted));
  }

  @Test
  void anotherKeyAnAlteredManifestOrNoKeysetIsRefused() throws Exception {
    BundleKeys.Pair pair = BundleKeys.generate();
    JsonObject bundle = bundleTo(pair.publicKeyset(), manifest);
    assertRefused(
        "secrets: cannot be decrypted",
        () -> BundleKeys.decrypted(bundle, BundleKeys.generate().privateKeyset(), "other.json"));
    JsonObject altered =
        Json.createObjectBuilder(bundle)
            .add(
                "manifest",
                Json.createObjectBuilder(manifest)
                    .add("application", Json.createObjectBuilder().add("slug", "shoq")))
            .build();
    assertRefused(
        "secrets: cannot be decrypted",
        () -> BundleKeys.decrypted(altered, pair.privateKeyset(), "id.json"));
    assertRefused(
        "is not a private keyset",
        () -> BundleKeys.decrypted(bundle, pair.publicKeyset(), "public.json"));
    JsonObject version2 = Json.createObjectBuilder(bundle).add("version", 2).build();
    assertRefused("version", () -> BundleKeys.decrypted(version2, pair.privateKeyset(), "id.json"));
  }

  private interface Call {
    void run() throws ApiFailure;
  }

  private void assertRefused(String message, Call call) {
    ApiFailure failure = assertThrows(ApiFailure.class, call::run);
    assertEquals(ManagementApi.REFUSED, failure.exitCode());
    assertTrue(failure.getMessage().contains(message), failure.getMessage());
    assertFalse(failure.getMessage().contains(secret));
  }
}
