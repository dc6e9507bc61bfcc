package dev.setpoint.domain.release;

import dev.setpoint.domain.setting.SettingType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a release freezes: every setting's resolved value with its type, and the version number of
 * every live secret. Secret values are not part of it; they are decrypted when a release is served.
 *
 * <p>The canonical form is JSON with keys in code-point order and no insignificant white space, so
 * equal content always gives the same text and therefore the same {@link #hash()}.
 */
public final class ReleaseContent {

  /** A frozen setting value in its stored canonical form. */
  public record SettingValue(SettingType type, String value) {
    public SettingValue {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Keys that differ between two releases; each list is sorted. */
  public record Diff(List<String> added, List<String> removed, List<String> changed) {}

  private final SortedMap<String, SettingValue> settings;
  private final SortedMap<String, Integer> secrets;

  public ReleaseContent(Map<String, SettingValue> settings, Map<String, Integer> secrets) {
    this.settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    this.secrets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
  }

  public SortedMap<String, SettingValue> settings() {
    return settings;
  }

  /** Secret keys and the version each release pins. */
  public SortedMap<String, Integer> secrets() {
    return secrets;
  }

  /** The canonical JSON text: {@code {"secrets":{key:n},"settings":{key:{"type":t,"value":v}}}}. */
  public String canonical() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject();
      json.writeStartObject("secrets");
      secrets.forEach(json::write);
      json.writeEnd();
      json.writeStartObject("settings");
      settings.forEach(
          (key, setting) ->
              json.writeStartObject(key)
                  .write("type", setting.type().wireName())
                  .write("value", setting.value())
                  .writeEnd());
      json.writeEnd();
      json.writeEnd();
    }
    return out.toString();
  }

  /** SHA-256 of the canonical form, in lower-case hex. */
  public String hash() {
    return sha256(canonical());
  }

  /** SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
  public static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  /** Reads content back from its canonical form. */
  public static ReleaseContent parse(String canonical) {
    try (JsonReader reader = Json.createReader(new StringReader(canonical))) {
      JsonObject root = reader.readObject();
      Map<String, Integer> secrets = new TreeMap<>();
      root.getJsonObject("secrets")
          .forEach((key, n) -> secrets.put(key, Integer.valueOf(n.toString())));
      Map<String, SettingValue> settings = new TreeMap<>();
      root.getJsonObject("settings")
          .forEach(
              (key, v) -> {
                JsonObject setting = v.asJsonObject();
                settings.put(
                    key,
                    new SettingValue(
                        SettingType.named("type", setting.getString("type")),
                        setting.getString("value")));
              });
      return new ReleaseContent(settings, secrets);
    }
  }

  /**
   * What changed from {@code before} to this content. A secret counts as changed when its pinned
   * version differs; a key that turned from a setting into a secret (or back) also counts as
   * changed.
   */
  public Diff diffAgainst(ReleaseContent before) {
    TreeSet<String> keys = new TreeSet<>(before.keys());
    keys.addAll(keys());
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String key : keys) {
      Object was = before.entry(key);
      Object now = entry(key);
      if (was == null) {
        added.add(key);
      } else if (now == null) {
        removed.add(key);
      } else if (!was.equals(now)) {
        changed.add(key);
      }
    }
    return new Diff(added, removed, changed);
  }

  /** Every key, settings and secrets together. */
  public TreeSet<String> keys() {
    TreeSet<String> keys = new TreeSet<>(settings.keySet());
    keys.addAll(secrets.keySet());
    return keys;
  }

  private Object entry(String key) {
    SettingValue setting = settings.get(key);
    if (setting != null) {
      return setting;
    }
    Integer version = secrets.get(key);
    return version == null ? null : "secret#" + version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReleaseContent that
        && settings.equals(that.settings)
        && secrets.equals(that.secrets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings, secrets);
  }
}
