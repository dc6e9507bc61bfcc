package dev.setpoint.domain.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.setpoint.domain.setting.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseContentTest {

  private static ReleaseContent.SettingValue string(String value) {
    return new ReleaseContent.SettingValue(SettingType.STRING, value);
  }

  @Test
  void theCanonicalFormSortsKeysWhateverTheInsertionOrder() {
    Map<String, ReleaseContent.SettingValue> forward = new LinkedHashMap<>();
    forward.put("a", string("1"));
    forward.put("b", string("2"));
    Map<String, ReleaseContent.SettingValue> backward = new LinkedHashMap<>();
    backward.put("b", string("2"));
    backward.put("a", string("1"));
    ReleaseContent one = new ReleaseContent(forward, Map.of("s", 3, "r", 1));
    ReleaseContent two = new ReleaseContent(backward, Map.of("r", 1, "s", 3));

    assertEquals(one.canonical(), two.canonical());
    assertEquals(one.hash(), two.hash());
    assertEquals(
        "{\"secrets\":{\"r\":1,\"s\":3},\"settings\":{\"a\":{\"type\":\"string\",\"value\":\"1\"},"
            + "\"b\":{\"type\":\"string\",\"value\":\"2\"}}}",
        one.canonical());
  }

  @Test
  void anyDifferenceInValueTypeOrSecretVersionChangesTheHash() {
    ReleaseContent base = new ReleaseContent(Map.of("k", string("1")), Map.of("s", 1));
    assertNotEquals(
        base.hash(), new ReleaseContent(Map.of("k", string("2")), Map.of("s", 1)).hash());
    assertNotEquals(
        base.hash(),
        new ReleaseContent(
                Map.of("k", new ReleaseContent.SettingValue(SettingType.INTEGER, "1")),
                Map.of("s", 1))
            .hash());
    assertNotEquals(
        base.hash(), new ReleaseContent(Map.of("k", string("1")), Map.of("s", 2)).hash());
  }

  @Test
  void theCanonicalFormReadsBackToEqualContent() {
    ReleaseContent content =
        new ReleaseContent(
            Map.of(
                "quote",
                string("say \"hi\"\n\u00fc"),
                "n",
                new ReleaseContent.SettingValue(SettingType.JSON, "{\"a\":[1]}")),
            Map.of("token", 7));
    ReleaseContent read = ReleaseContent.parse(content.canonical());
    assertEquals(content, read);
    assertEquals(content.hash(), read.hash());
  }

  @Test
  void diffNamesAddedRemovedAndChangedKeysAcrossSettingsAndSecrets() {
    ReleaseContent before =
        new ReleaseContent(
            Map.of("keep", string("x"), "drop", string("y"), "tune", string("1")),
            Map.of("secret", 1, "moved", 1));
    ReleaseContent after =
        new ReleaseContent(
            Map.of(
                "keep",
                string("x"),
                "tune",
                string("2"),
                "fresh",
                string("z"),
                "moved",
                string("m")),
            Map.of("secret", 2));
    ReleaseContent.Diff diff = after.diffAgainst(before);
    assertEquals(List.of("fresh"), diff.added());
    assertEquals(List.of("drop"), diff.removed());
    assertEquals(List.of("moved", "secret", "tune"), diff.changed());

    ReleaseContent.Diff none = after.diffAgainst(after);
    assertEquals(List.of(), none.added());
    assertEquals(List.of(), none.removed());
    assertEquals(List.of(), none.changed());
  }
}
