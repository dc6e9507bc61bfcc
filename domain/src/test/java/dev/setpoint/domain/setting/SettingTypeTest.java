package dev.setpoint.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingTypeTest {

  @ParameterizedTest(name = "{0}: {1} is stored as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STRING   | \"plain text\"               | plain text",
        "STRING   | 42                           | 42",
        "STRING   | true                         | true",
        "INTEGER  | 42                           | 42",
        "INTEGER  | -7                           | -7",
        "INTEGER  | \"123\"                      | 123",
        "INTEGER  | \" 9 \"                      | 9",
        "INTEGER  | 9223372036854775807          | 9223372036854775807",
        "INTEGER  | 1e3                          | 1000",
        "BOOLEAN  | true                         | true",
        "BOOLEAN  | false                        | false",
        "BOOLEAN  | \"true\"                     | true",
        "URL      | \"http://localhost:8080/x\"  | http://localhost:8080/x",
        "URL      | \"HTTPS://example.com\"      | HTTPS://example.com",
        "DURATION | \"PT30S\"                    | PT30S",
        "DURATION | \"P2DT3H\"                   | P2DT3H",
        "JSON     | {\"a\": [1, 2]}              | {\"a\":[1,2]}",
        "JSON     | \"text\"                     | \"text\"",
        "JSON     | null                         | null",
      })
  void acceptsValuesThatFitAndStoresTheCanonicalForm(SettingType type, String json, String stored) {
    assertEquals(stored, type.parse("value", json));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STRING   | {\"a\":1}",
        "STRING   | [1]",
        "STRING   | null",
        "INTEGER  | 1.5",
        "INTEGER  | 9223372036854775808",
        "INTEGER  | \"twelve\"",
        "INTEGER  | true",
        "BOOLEAN  | \"TRUE\"",
        "BOOLEAN  | \"yes\"",
        "BOOLEAN  | 0",
        "URL      | \"ftp://example.com/file\"",
        "URL      | \"example.com\"",
        "URL      | \"http://\"",
        "URL      | \"http://exa mple.com\"",
        "URL      | 8080",
        "DURATION | \"30s\"",
        "DURATION | \"P1M\"",
        "DURATION | 30",
      })
  void refusesValuesThatDoNotFitNamingTheFieldAndType(SettingType type, String json) {
    InvalidValue e = assertThrows(InvalidValue.class, () -> type.parse("value", json));
    assertEquals("value", e.violations().get(0).field());
    assertTrue(e.getMessage().contains(type.wireName()), e::getMessage);
  }

  @Test
  void refusesTextThatIsNotJsonAtAll() {
    InvalidValue e = assertThrows(InvalidValue.class, () -> SettingType.JSON.parse("value", "{"));
    assertEquals("value: must be a JSON value", e.getMessage());
  }

  @Test
  void refusesValuesLongerThanTheLimit() {
    String huge = "\"" + "x".repeat(SettingType.MAX_LENGTH + 1) + "\"";
    assertThrows(InvalidValue.class, () -> SettingType.STRING.parse("value", huge));
    String largest = "\"" + "x".repeat(SettingType.MAX_LENGTH) + "\"";
    assertEquals(SettingType.MAX_LENGTH, SettingType.STRING.parse("value", largest).length());
  }

  @ParameterizedTest
  @CsvSource({
    "STRING, hello, \"hello\"",
    "INTEGER, 42, 42",
    "BOOLEAN, false, false",
    "URL, https://x.example, \"https://x.example\"",
    "JSON, '{\"a\":1}', '{\"a\":1}'"
  })
  void rendersStoredTextAsTypedJson(SettingType type, String stored, String json) {
    assertEquals(json, type.toJson(stored).toString());
  }

  @Test
  void looksTypesUpByTheirApiName() {
    assertEquals(SettingType.BOOLEAN, SettingType.named("type", "boolean"));
    InvalidValue e = assertThrows(InvalidValue.class, () -> SettingType.named("type", "Boolean"));
    assertEquals(
        "type: must be one of string, integer, boolean, url, duration, json", e.getMessage());
    assertThrows(InvalidValue.class, () -> SettingType.named("type", null));
  }
}
