package dev.setpoint.web.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpringFormatsTest {

  private static SortedMap<String, JsonValue> values() {
    SortedMap<String, JsonValue> values = new TreeMap<>();
    values.put("db.password", Json.createValue("p\"w:\n#x"));
    values.put("pool.size", Json.createValue(8));
    values.put("feature.on", JsonValue.TRUE);
    values.put("greeting", Json.createValue("hello"));
    return values;
  }

  @Test
  void dottedKeysNestInJson() {
    assertEquals(
        "{\"db\":{\"password\":\"p\\\"w:\\n#x\"},\"feature\":{\"on\":true},"
            + "\"greeting\":\"hello\",\"pool\":{\"size\":8}}",
        SpringFormats.json(values()));
  }

  @Test
  void yamlQuotesEveryStringTheJsonWay() {
    assertEquals(
        "db:\n  password: \"p\\\"w:\\n#x\"\nfeature:\n  on: true\ngreeting: \"hello\"\n"
            + "pool:\n  size: 8\n",
        SpringFormats.yaml(values()));
  }

  @Test
  void aKeyThatIsBothAValueAndAParentStaysFlat() {
    SortedMap<String, JsonValue> values = new TreeMap<>();
    values.put("a", Json.createValue("x"));
    values.put("a.b", Json.createValue("y"));
    values.put("c..d", Json.createValue("z"));
    assertEquals("{\"a\":\"x\",\"a.b\":\"y\",\"c..d\":\"z\"}", SpringFormats.json(values));
    assertEquals("a: \"x\"\n\"a.b\": \"y\"\n\"c..d\": \"z\"\n", SpringFormats.yaml(values));
  }

  @Test
  void propertiesCarryTextValues() {
    assertEquals(
        "db.password=p\"w\\:\\n\\#x\nfeature.on=true\ngreeting=hello\npool.size=8\n",
        SpringFormats.properties(values()));
  }

  @Test
  void anEmptyYamlDocumentIsAnEmptyMapping() {
    assertEquals("{}\n", SpringFormats.yaml(new TreeMap<>()));
  }
}
