package dev.setpoint.client.cli;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A bundle's recipient keys on the client side (docs/bundles.md): Tink HPKE keysets in Tink's JSON
 * format, made by {@code setpoint bundle keygen}; and the decryption of a bundle's secrets with the
 * private keyset, which therefore never leaves this machine. The decrypted bundle keeps its
 * manifest and carries the values in {@code secrets.values}; it is only ever sent to Setpoint,
 * never written.
 */
final class BundleKeys {

  static final String FORMAT = "setpoint-bundle";
  static final int VERSION = 1;

  /** X25519, HKDF-SHA256, AES-256-GCM: HPKE's (RFC 9180) common suite. */
  static final HpkeParameters PARAMETERS;

  static {
    try {
      HybridConfig.register();
      PARAMETERS =
          HpkeParameters.builder()
              .setVariant(HpkeParameters.Variant.TINK)
              .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
              .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
              .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
              .build();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A new key: the private keyset and its public keyset (JSON), and the key's id. */
  record Pair(String privateKeyset, String publicKeyset, String keyId) {

    @Override
    public String toString() {
      return "Pair[key " + keyId + ", private keyset hidden]";
    }
  }

  private BundleKeys() {}

  static Pair generate() {
    try {
      KeysetHandle handle = KeysetHandle.generateNew(PARAMETERS);
      return new Pair(
          TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
          TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle.getPublicKeysetHandle()),
          Integer.toUnsignedString(handle.getPrimary().getId()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HPKE is not available", e);
    }
  }

  /** The bundle file's JSON object, or null when it is not one (Setpoint then says why). */
  static JsonObject parse(byte[] body) {
    try (var reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    } catch (JsonException e) {
      return null;
    }
  }

  /** The recipient key a bundle's secrets are encrypted to, or null (a passphrase). */
  static String recipient(JsonObject bundle) {
    JsonValue secrets = bundle.get("secrets");
    if (secrets == null || secrets.getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    JsonValue recipient = secrets.asJsonObject().get("recipient");
    if (recipient == null) {
      return null;
    }
    return recipient instanceof JsonString text ? text.getString() : recipient.toString();
  }

  /**
   * The bundle with its secrets decrypted by {@code privateKeyset}: the same manifest, the values
   * in {@code secrets.values}. A wrong key or an altered file is refused as Setpoint would.
   */
  static JsonObject decrypted(JsonObject bundle, String privateKeyset, String identity)
      throws ApiFailure {
    JsonValue version = bundle.get("version");
    if (!JsonValue.ValueType.OBJECT.equals(valueType(bundle, "manifest"))
        || !Json.createValue(FORMAT).equals(bundle.get("format"))
        || version == null
        || !version.toString().equals(String.valueOf(VERSION))) {
      throw new ApiFailure(
          ManagementApi.REFUSED, "version: this command reads " + FORMAT + " version " + VERSION);
    }
    JsonObject secrets = bundle.getJsonObject("secrets");
    byte[] ciphertext;
    try {
      ciphertext = Base64.getDecoder().decode(secrets.getString("ciphertext"));
    } catch (RuntimeException e) {
      throw new ApiFailure(ManagementApi.REFUSED, "secrets.ciphertext: must be Base64");
    }
    HybridDecrypt decrypt = decrypter(privateKeyset, identity);
    byte[] associatedData =
        (FORMAT + "/" + VERSION + "\n" + bundle.getJsonObject("manifest"))
            .getBytes(StandardCharsets.UTF_8);
    byte[] plaintext;
    try {
      plaintext = decrypt.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new ApiFailure(
          ManagementApi.REFUSED,
          "secrets: cannot be decrypted with "
              + identity
              + ": the bundle is encrypted to another key (recipient "
              + recipient(bundle)
              + "), or it was altered (its secrets are authenticated together with its manifest)");
    }
    JsonArray values;
    try (var reader =
        Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))) {
      values = reader.readArray();
    } catch (JsonException e) {
      throw new ApiFailure(ManagementApi.REFUSED, "secrets: do not hold a list of values");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("version", VERSION)
        .add("manifest", bundle.getJsonObject("manifest"))
        .add("secrets", Json.createObjectBuilder().add("values", values))
        .build();
  }

  private static JsonValue.ValueType valueType(JsonObject bundle, String name) {
    JsonValue value = bundle.get(name);
    return value == null ? null : value.getValueType();
  }

  private static HybridDecrypt decrypter(String privateKeyset, String identity) throws ApiFailure {
    try {
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get());
      return handle.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ApiFailure(
          ManagementApi.REFUSED,
          identity
              + " is not a private keyset in Tink's JSON format for hybrid decryption"
              + " (setpoint bundle keygen --out writes one)");
    }
  }
}
