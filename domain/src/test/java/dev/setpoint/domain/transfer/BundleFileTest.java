package dev.setpoint.domain.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleFileTest {

  private static final BundleFile.Manifest MANIFEST =
      new BundleFile.Manifest(
          new BundleFile.App("shop", "Shop", "The shop", null),
          "2026-12-01T10:00:00Z",
          "admin",
          List.of(new BundleFile.Env("dev", "Development", false)),
          List.of(
              new BundleFile.Definition("PORT", "integer", "8080", "The port", true),
              new BundleFile.Definition("hosts", "json", "[\"a\",\"b\"]", null, false),
              new BundleFile.Definition("NAME", "string", null, null, false)),
          List.of(new BundleFile.Entry("dev", "PORT", "9090")),
          List.of(new BundleFile.Entry("dev", "DB_PASSWORD", null)),
          List.of(new BundleFile.ReleaseInfo("dev", 3, "third", "ann", "2026-11-30T09:00:00Z", 1)),
          List.of());

  private static final BundleCipher.Sealed SEALED =
      new BundleCipher.Sealed(
          new BundleCipher.Kdf("argon2id", 3, 65536, 1, new byte[16]), "AES256_GCM", new byte[40]);

  @Test
  void whatIsWrittenReadsBackWithTheSameAssociatedData() {
    var manifest = BundleFile.manifest(MANIFEST);
    byte[] file = BundleFile.write(manifest, SEALED);
    BundleFile.Read read = BundleFile.read(file, 100);
    assertEquals(MANIFEST, read.manifest());
    assertEquals(SEALED, read.sealed());
    assertArrayEquals(BundleFile.associatedData(manifest), read.associatedData());
  }

  @Test
  void aSectionEncryptedToARecipientReadsBackWithItsKeyIdAndNoKdf() {
    var manifest = BundleFile.manifest(MANIFEST);
    var sealed = new BundleCipher.Sealed(null, "HPKE/X", "123456", new byte[50]);
    BundleFile.Read read = BundleFile.read(BundleFile.write(manifest, sealed), 100);
    assertEquals(sealed, read.sealed());
    assertFalse(read.decrypted());
    assertArrayEquals(BundleFile.associatedData(manifest), read.associatedData());
  }

  @Test
  void aSectionAClientDecryptedCarriesTheValuesAsItsPlaintext() {
    String file =
        new String(BundleFile.write(BundleFile.manifest(MANIFEST), SEALED), StandardCharsets.UTF_8);
    String section = file.substring(file.indexOf("\"secrets\":{\"kdf\""), file.lastIndexOf('}'));
    String decrypted = file.replace(section, "\"secrets\":{\"values\":[\"v\"]}");
    BundleFile.Read read = BundleFile.read(decrypted.getBytes(StandardCharsets.UTF_8), 100);
    assertTrue(read.decrypted());
    assertEquals(
        List.of(new BundleFile.Entry("dev", "DB_PASSWORD", "v")),
        BundleFile.secretsOf(read.manifest(), read.plaintext()));
    assertField("secrets.values", file.replace(section, "\"secrets\":{\"values\":\"v\"}"));
    assertField(
        "secrets.values",
        file.replace(section, "\"secrets\":{\"values\":[\"v\"],\"cipher\":\"x\"}"));
  }

  @Test
  void reformattingTheFileKeepsTheAssociatedData() {
    var manifest = BundleFile.manifest(MANIFEST);
    String pretty =
        new String(BundleFile.write(manifest, SEALED), StandardCharsets.UTF_8)
            .replace(",", ",\n  ");
    BundleFile.Read read = BundleFile.read(pretty.getBytes(StandardCharsets.UTF_8), 100);
    assertArrayEquals(BundleFile.associatedData(manifest), read.associatedData());
  }

  @Test
  void anotherFormatOrVersionIsRefusedNamingTheField() {
    String file =
        new String(BundleFile.write(BundleFile.manifest(MANIFEST), SEALED), StandardCharsets.UTF_8);
    assertField("version", file.replace("\"version\":1", "\"version\":2"));
    assertField("format", file.replace("setpoint-bundle", "other"));
    assertField("body", "[1,2]");
    assertField("body", "{not json");
    assertField("manifest.settings[0].type", file.replace("\"type\":\"integer\"", "\"type\":7"));
    assertField("secrets.kdf.salt", file.replace("\"salt\":\"", "\"salt\":\"!"));
  }

  @Test
  void aBundleWithMoreEntriesThanTheLimitIsRefused() {
    byte[] file = BundleFile.write(BundleFile.manifest(MANIFEST), SEALED);
    InvalidValue refused = assertThrows(InvalidValue.class, () -> BundleFile.read(file, 3));
    assertEquals("manifest", refused.violations().get(0).field());
  }

  @Test
  void secretValuesMustMatchTheManifestsList() {
    assertEquals(
        List.of(new BundleFile.Entry("dev", "DB_PASSWORD", "v")),
        BundleFile.secretsOf(MANIFEST, "[\"v\"]".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        InvalidValue.class,
        () -> BundleFile.secretsOf(MANIFEST, "[\"v\",\"w\"]".getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertField(String field, String file) {
    InvalidValue refused =
        assertThrows(
            InvalidValue.class, () -> BundleFile.read(file.getBytes(StandardCharsets.UTF_8), 100));
    assertEquals(field, refused.violations().get(0).field(), refused.violations().toString());
  }
}
