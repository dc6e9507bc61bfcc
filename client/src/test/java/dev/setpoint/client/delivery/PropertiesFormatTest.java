package dev.setpoint.client.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PropertiesFormatTest {

  private static final Map<String, String> TRICKY =
      Map.ofEntries(
          Map.entry("db.url", "jdbc:postgresql://db:5432/app?ssl=true&x=a=b"),
          Map.entry("greeting", "Grüße, 日本, emoji 😀"),
          Map.entry("quotes", "\"double\" and 'single'"),
          Map.entry("multi-line", "first\nsecond\r\nthird\ttabbed"),
          Map.entry("spaces", "  leading and trailing  "),
          Map.entry("backslashes", "C:\\path\\to\\ and \\u0041 literally"),
          Map.entry("comment-like", "#not a comment !nor this"),
          Map.entry("empty", ""),
          Map.entry("key with = and : and space", "value"),
          Map.entry("json", "{\"a\": [1, 2], \"b\": null}"),
          Map.entry("control", "bell\u0007 nul\u0000 end"));

  @Test
  void renderThenParseGivesBackEveryValue() {
    String text = PropertiesFormat.render(TRICKY);

    assertEquals(TRICKY, PropertiesFormat.parse(text.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void renderIsAsciiSortedAndStable() {
    String text = PropertiesFormat.render(TRICKY, "first comment", "etag: \"x\"");

    assertTrue(text.chars().allMatch(c -> c < 0x80), text);
    assertTrue(text.startsWith("#first comment\n#etag: \"x\"\n"), text);
    assertEquals(
        text, PropertiesFormat.render(new TreeMap<>(TRICKY), "first comment", "etag: \"x\""));
    assertTrue(text.indexOf("backslashes=") < text.indexOf("comment-like="), text);
    assertTrue(text.contains("greeting=Gr\\u00FC\\u00DFe"), text);
  }

  @Test
  void renderedTextIsReadByTheJdkAsWell() throws IOException {
    Properties loaded = new Properties();
    loaded.load(new java.io.StringReader(PropertiesFormat.render(TRICKY)));

    assertEquals(TRICKY.size(), loaded.size());
    TRICKY.forEach((key, value) -> assertEquals(value, loaded.getProperty(key), key));
  }

  @Test
  void parsesWhatTheJdkStores() throws IOException {
    Properties properties = new Properties();
    properties.putAll(TRICKY);
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    properties.store(stored, "a comment line");

    assertEquals(TRICKY, PropertiesFormat.parse(stored.toByteArray()));
  }

  @Test
  void readsContinuationLinesAndOtherSeparators() {
    byte[] body =
        "a : one\nb   two\nc=three \\\n    continued\n! comment\n"
            .getBytes(StandardCharsets.US_ASCII);

    assertEquals(
        Map.of("a", "one", "b", "two", "c", "three continued"), PropertiesFormat.parse(body));
  }

  @Test
  void refusesABrokenUnicodeEscape() {
    byte[] body = "key=\\u12G4\n".getBytes(StandardCharsets.US_ASCII);

    assertThrows(IllegalArgumentException.class, () -> PropertiesFormat.parse(body));
  }
}
