package dev.setpoint.domain.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.InvalidValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ImportFilesTest {

  private static final ImportLimits LIMITS = new ImportLimits(100, 5, 1000, 5, 100_000, 8);

  private static Map<String, String> texts(List<ImportedValue> values) {
    return values.stream()
        .collect(Collectors.toMap(ImportedValue::key, v -> String.valueOf(v.text())));
  }

  @Test
  void dotenvReadsQuotesCommentsAndExport() {
    String file =
        "# a comment\nexport PORT=8080\nNAME=\"two\\nlines\" # note\nRAW='a \"b\"'\n"
            + "URL=https://example.test/x #c\nEMPTY=\nMULTI=\"one\ntwo\"\n";
    Map<String, String> values = texts(FlatFiles.dotenv("body", file, LIMITS));
    assertEquals("8080", values.get("PORT"));
    assertEquals("two\nlines", values.get("NAME"));
    assertEquals("a \"b\"", values.get("RAW"));
    assertEquals("https://example.test/x", values.get("URL"));
    assertEquals("", values.get("EMPTY"));
    assertEquals("one\ntwo", values.get("MULTI"));
  }

  @Test
  void dotenvRefusesBrokenLinesAndRepeatedKeys() {
    assertRule("line 1 must be KEY=value", () -> FlatFiles.dotenv("body", "JUSTTEXT\n", LIMITS));
    assertRule("line 2 gives key 'A' again", () -> FlatFiles.dotenv("body", "A=1\nA=2\n", LIMITS));
    assertRule(
        "line 1 opens a quote it never closes",
        () -> FlatFiles.dotenv("body", "A=\"open\n", LIMITS));
  }

  @Test
  void propertiesAreReadAsJavaReadsThem() {
    Map<String, String> values =
        texts(FlatFiles.properties("body", "a.b = 1\nc: two \\\n  three\n", LIMITS));
    assertEquals("1", values.get("a.b"));
    assertEquals("two three", values.get("c"));
  }

  @Test
  void yamlIsFlattenedAndListsKeptAsJson() {
    String file =
        "server:\n  port: 8080\n  ssl: {enabled: true}\nhosts: [a, b]\nwhen: 2024-01-01\n"
            + "ratio: 1.5\nname: \"8080\"\nnothing: ~\n";
    List<ImportedValue> values = TreeFiles.yaml("body", file, LIMITS);
    Map<String, ImportedValue> byKey =
        values.stream().collect(Collectors.toMap(ImportedValue::key, v -> v));
    assertEquals(ImportedValue.Shape.NUMBER, byKey.get("server.port").shape());
    assertEquals(ImportedValue.Shape.BOOLEAN, byKey.get("server.ssl.enabled").shape());
    assertEquals("[\"a\",\"b\"]", byKey.get("hosts").text());
    assertEquals("2024-01-01", byKey.get("when").text());
    assertEquals(SettingType.INTEGER, TypeGuess.infer(byKey.get("server.port")));
    assertEquals(SettingType.STRING, TypeGuess.infer(byKey.get("ratio")));
    assertEquals(SettingType.STRING, TypeGuess.infer(byKey.get("name")));
    assertEquals(SettingType.JSON, TypeGuess.infer(byKey.get("hosts")));
    assertEquals(ImportedValue.Shape.NULL, byKey.get("nothing").shape());
  }

  @Test
  void jsonNestedOrFlat() {
    Map<String, String> values =
        texts(TreeFiles.json("body", "{\"a\":{\"b\":1},\"c.d\":\"x\",\"e\":[1,2]}", LIMITS));
    assertEquals(Map.of("a.b", "1", "c.d", "x", "e", "[1,2]"), values);
    assertRule(
        "must be a JSON object of keys to values", () -> TreeFiles.json("body", "[1]", LIMITS));
  }

  @Test
  void hostileYamlIsRefusedNamingTheRule() {
    StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [*").append(p);
      laughs.append(", *").append(p).append(", *").append(p).append("]\n");
    }
    InvalidValue refused =
        assertThrows(InvalidValue.class, () -> TreeFiles.yaml("body", laughs.toString(), LIMITS));
    assertTrue(refused.getMessage().contains("aliases"), refused.getMessage());
    String deep = "a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g: 1\n";
    assertThrows(InvalidValue.class, () -> TreeFiles.yaml("body", deep, LIMITS));
    assertThrows(InvalidValue.class, () -> TreeFiles.yaml("body", "a: 1\na: 2\n", LIMITS));
    assertThrows(InvalidValue.class, () -> TreeFiles.yaml("body", "a: !!binary AAAA\n", LIMITS));
    assertThrows(InvalidValue.class, () -> TreeFiles.yaml("body", "a: !!java.io.File x\n", LIMITS));
    assertThrows(InvalidValue.class, () -> TreeFiles.yaml("body", "a: 1\n---\nb: 2\n", LIMITS));
  }

  @Test
  void tooManyKeysAreRefused() {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i <= LIMITS.maxKeys(); i++) {
      file.append("K").append(i).append("=v\n");
    }
    assertRule(
        "must hold at most 100 keys (setpoint.import.max-keys)",
        () -> FlatFiles.dotenv("body", file.toString(), LIMITS));
  }

  @Test
  void textMustBeUtf8WithoutControlCharacters() {
    assertRule("must be UTF-8 text", () -> ImportText.decode("body", new byte[] {(byte) 0xC3}));
    InvalidValue nul =
        assertThrows(
            InvalidValue.class,
            () -> ImportText.decode("body", "A=1\nB=\u0000".getBytes(StandardCharsets.UTF_8)));
    assertTrue(nul.getMessage().contains("U+0000 on line 2"), nul.getMessage());
    assertEquals("A=1", ImportText.decode("body", "\uFEFFA=1".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void typesAreInferredConservatively() {
    assertEquals(SettingType.INTEGER, TypeGuess.infer(text("8080")));
    assertEquals(SettingType.STRING, TypeGuess.infer(text("007")));
    assertEquals(SettingType.BOOLEAN, TypeGuess.infer(text("true")));
    assertEquals(SettingType.STRING, TypeGuess.infer(text("yes")));
    assertEquals(SettingType.URL, TypeGuess.infer(text("https://example.test")));
    assertEquals(SettingType.DURATION, TypeGuess.infer(text("PT30S")));
    assertEquals(SettingType.JSON, TypeGuess.infer(text("{\"a\":1}")));
    assertEquals(SettingType.STRING, TypeGuess.infer(text("{not json")));
    assertEquals(SettingType.STRING, TypeGuess.infer(text("99999999999999999999")));
  }

  @Test
  void credentialsAreRecognisedByNameOrShape() {
    String github = "ghp_" + "a".repeat(36);
    assertTrue(TypeGuess.credential("GREETING", github, SettingType.STRING).isPresent());
    assertTrue(TypeGuess.credential("DB_PASSWORD", "hunter", SettingType.STRING).isPresent());
    assertTrue(TypeGuess.credential("auth.enabled", "true", SettingType.BOOLEAN).isEmpty());
    assertTrue(TypeGuess.credential("GREETING", "hello", SettingType.STRING).isEmpty());
  }

  @Test
  void springLayoutMapsFilesToTargetsAndBoundsTheZip() throws IOException {
    byte[] zip =
        zip(
            Map.of(
                "application.yml", "a: base\nb: base\n",
                "shop.yml", "b: app\n",
                "shop-staging.properties", "c=staged\n",
                "application-staging.yml", "c: generic\nd: generic\n",
                "other.yml", "x: 1\n",
                "config/shop.yml", "y: 1\n"));
    SpringLayout.Files files = SpringLayout.read("shop", zip, LIMITS);
    assertEquals(Map.of("a", "base", "b", "app"), texts(files.targets().get(null)));
    assertEquals(Map.of("c", "staged", "d", "generic"), texts(files.targets().get("staging")));
    assertEquals(
        List.of("config/shop.yml", "other.yml"), files.ignored().stream().sorted().toList());
    byte[] bomb = zip(Map.of("application.yml", "a: " + "x".repeat(200_000) + "\n"));
    assertThrows(InvalidValue.class, () -> SpringLayout.read("shop", bomb, LIMITS));
    assertRule(
        "must be a ZIP archive holding at least one file",
        () -> SpringLayout.read("shop", "not a zip".getBytes(StandardCharsets.UTF_8), LIMITS));
  }

  @Test
  void springLayoutOfAnApplicationWithDashesInItsSlug() throws IOException {
    String app = "imp-spring-8fba9a8a";
    Map<String, String> files = new java.util.TreeMap<>();
    files.put("application.yml", "greeting: hello\nserver:\n  port: 8080\n");
    files.put(app + ".yml", "greeting: hi\n");
    files.put(app + "-staging.yml", "server:\n  port: 9090\n");
    SpringLayout.Files read = SpringLayout.read(app, zip(files), LIMITS);
    assertEquals(Map.of("greeting", "hi", "server.port", "8080"), texts(read.targets().get(null)));
    assertEquals(Map.of("server.port", "9090"), texts(read.targets().get("staging")));
  }

  @Test
  void formatsComeFromTheParameterOrTheMediaType() {
    assertEquals(ImportFormat.YAML, ImportFormat.of(null, "application/yaml; charset=utf-8"));
    assertEquals(ImportFormat.DOTENV, ImportFormat.of(null, "text/plain"));
    assertEquals(ImportFormat.PROPERTIES, ImportFormat.of("properties", "application/json"));
    assertThrows(InvalidValue.class, () -> ImportFormat.of("toml", null));
    assertThrows(InvalidValue.class, () -> ImportFormat.of(null, "application/octet-stream"));
  }

  private static ImportedValue text(String value) {
    return new ImportedValue("K", value, ImportedValue.Shape.TEXT);
  }

  private static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static void assertRule(String rule, org.junit.jupiter.api.function.Executable call) {
    InvalidValue refused = assertThrows(InvalidValue.class, call);
    assertEquals(rule, refused.violations().get(0).rule());
  }
}
