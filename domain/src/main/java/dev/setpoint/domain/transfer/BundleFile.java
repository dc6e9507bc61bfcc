package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An application bundle as a file (docs/bundles.md): one JSON object with the format's name and
 * version, the readable {@code manifest} (application, environments, definitions, overrides, the
 * names of the secrets, releases metadata) and the {@code secrets} section, encrypted by a {@link
 * BundleCipher} with the manifest (as this class writes it) as associated data.
 */
final class BundleFile {

  static final String FORMAT = "setpoint-bundle";
  static final int VERSION = 1;

  /** The application as exported. */
  record App(String slug, String name, String description, String owner) {}

  /** One environment. */
  record Env(String slug, String name, boolean production) {}

  /** One definition; {@code defaultValue} is JSON text or null. */
  record Definition(
      String key, String type, String defaultValue, String description, boolean required) {}

  /** One override (JSON text) or, with a null value, one secret's place. */
  record Entry(String environment, String key, String value) {

    @Override
    public String toString() {
      return "Entry[" + environment + " " + key + "]"; // a secret entry's value is plaintext
    }
  }

  /** One release's metadata (not its content). */
  record ReleaseInfo(
      String environment,
      int number,
      String message,
      String createdBy,
      String createdAt,
      Integer rolledBackFrom) {}

  /** The readable part. */
  record Manifest(
      App application,
      String exportedAt,
      String exportedBy,
      List<Env> environments,
      List<Definition> settings,
      List<Entry> overrides,
      List<Entry> secrets,
      List<ReleaseInfo> releases,
      List<String> skipped) {

    Manifest {
      environments = List.copyOf(environments);
      settings = List.copyOf(settings);
      overrides = List.copyOf(overrides);
      secrets = List.copyOf(secrets);
      releases = List.copyOf(releases);
      skipped = List.copyOf(skipped);
    }

    /** The keys the bundle holds, over all targets. */
    int size() {
      return settings.size() + overrides.size() + secrets.size();
    }
  }

  /**
   * A file read: the manifest, the sealed secrets, and the associated data to open them with; or,
   * for a bundle whose secrets a client decrypted ({@code secrets.values}), no sealed section and
   * the values as the plaintext of the secrets section.
   */
  record Read(
      Manifest manifest, BundleCipher.Sealed sealed, byte[] associatedData, byte[] plaintext) {

    /** Whether the secrets came decrypted (restored over the authenticated API, not opened). */
    boolean decrypted() {
      return sealed == null;
    }
  }

  private BundleFile() {}

  /** The associated data that binds the manifest to the secrets: the manifest as written. */
  static byte[] associatedData(JsonObject manifest) {
    return (FORMAT + "/" + VERSION + "\n" + manifest).getBytes(StandardCharsets.UTF_8);
  }

  // ---- writing ----

  static JsonObject manifest(Manifest m) {
    JsonObjectBuilder app =
        Json.createObjectBuilder()
            .add("slug", m.application().slug())
            .add("name", m.application().name());
    optional(app, "description", m.application().description());
    optional(app, "owner", m.application().owner());
    var envs = Json.createArrayBuilder();
    m.environments()
        .forEach(
            e ->
                envs.add(
                    Json.createObjectBuilder()
                        .add("slug", e.slug())
                        .add("name", e.name())
                        .add("production", e.production())));
    var settings = Json.createArrayBuilder();
    for (Definition d : m.settings()) {
      JsonObjectBuilder b = Json.createObjectBuilder().add("key", d.key()).add("type", d.type());
      if (d.defaultValue() != null) {
        b.add("default", parse(d.defaultValue()));
      }
      optional(b, "description", d.description());
      settings.add(b.add("required", d.required()));
    }
    var overrides = Json.createArrayBuilder();
    m.overrides()
        .forEach(
            o ->
                overrides.add(
                    Json.createObjectBuilder()
                        .add("environment", o.environment())
                        .add("key", o.key())
                        .add("value", parse(o.value()))));
    var secrets = Json.createArrayBuilder();
    m.secrets()
        .forEach(
            s ->
                secrets.add(
                    Json.createObjectBuilder()
                        .add("environment", s.environment())
                        .add("key", s.key())));
    var releases = Json.createArrayBuilder();
    for (ReleaseInfo r : m.releases()) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("environment", r.environment())
              .add("number", r.number())
              .add("createdAt", r.createdAt());
      optional(b, "message", r.message());
      optional(b, "createdBy", r.createdBy());
      if (r.rolledBackFrom() != null) {
        b.add("rolledBackFrom", r.rolledBackFrom());
      }
      releases.add(b);
    }
    var skipped = Json.createArrayBuilder();
    m.skipped().forEach(skipped::add);
    JsonObject built =
        Json.createObjectBuilder()
            .add("application", app)
            .add("exportedAt", m.exportedAt())
            .add("exportedBy", m.exportedBy())
            .add("environments", envs)
            .add("settings", settings)
            .add("overrides", overrides)
            .add("secrets", secrets)
            .add("releases", releases)
            .add("skipped", skipped)
            .build();
    // as a reader gives it back, so that the associated data is the same on both sides
    return (JsonObject) parse(built.toString());
  }

  /** The secret values, in the manifest's order, as the plaintext of the secrets section. */
  static byte[] secretValues(List<Entry> secrets) {
    var values = Json.createArrayBuilder();
    secrets.forEach(s -> values.add(s.value()));
    return values.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] write(JsonObject manifest, BundleCipher.Sealed sealed) {
    BundleCipher.Kdf kdf = sealed.kdf();
    Base64.Encoder b64 = Base64.getEncoder();
    JsonObjectBuilder section = Json.createObjectBuilder();
    if (kdf != null) {
      section.add(
          "kdf",
          Json.createObjectBuilder()
              .add("algorithm", kdf.algorithm())
              .add("iterations", kdf.iterations())
              .add("memoryKiB", kdf.memoryKiB())
              .add("parallelism", kdf.parallelism())
              .add("salt", b64.encodeToString(kdf.salt())));
    } else {
      section.add("recipient", sealed.recipient());
    }
    JsonObject file =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("version", VERSION)
            .add("manifest", manifest)
            .add(
                "secrets",
                section
                    .add("cipher", sealed.cipher())
                    .add("ciphertext", b64.encodeToString(sealed.ciphertext())))
            .build();
    return (file.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  // ---- reading ----

  /** Reads a file; anything malformed is a 400 naming the field and the rule. */
  static Read read(byte[] body, int maxEntries) {
    JsonObject file;
    ImportText.decode("body", body); // UTF-8 and no control characters, with the line
    try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidValue("body", "must be a JSON object (a Setpoint bundle)");
      }
      file = value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new InvalidValue("body", "is not JSON (line " + e.getLocation().getLineNumber() + ")");
    } catch (JsonException e) {
      throw new InvalidValue("body", "is not JSON");
    }
    if (!FORMAT.equals(text(file, "format", "format", true))) {
      throw new InvalidValue("format", "must be " + FORMAT);
    }
    JsonValue version = file.get("version");
    if (version == null
        || version.getValueType() != JsonValue.ValueType.NUMBER
        || !file.getJsonNumber("version").isIntegral()
        || file.getJsonNumber("version").longValue() != VERSION) {
      throw new InvalidValue(
          "version", "must be " + VERSION + " (the bundle format this server reads)");
    }
    JsonObject manifest = object(file, "manifest", "manifest");
    Manifest m = manifestOf(manifest, maxEntries);
    JsonObject secrets = object(file, "secrets", "secrets");
    if (secrets.containsKey("values")) {
      // decrypted by a client holding the recipient's private key; secretsOf checks each value
      JsonValue values = secrets.get("values");
      if (values.getValueType() != JsonValue.ValueType.ARRAY || secrets.size() != 1) {
        throw new InvalidValue(
            "secrets.values", "must be a list of the secrets' values, alone in the section");
      }
      return new Read(
          m, null, null, values.asJsonArray().toString().getBytes(StandardCharsets.UTF_8));
    }
    BundleCipher.Sealed sealed;
    if (secrets.containsKey("recipient")) {
      sealed =
          new BundleCipher.Sealed(
              null,
              text(secrets, "cipher", "secrets.cipher", true),
              text(secrets, "recipient", "secrets.recipient", true),
              base64(secrets, "ciphertext", "secrets.ciphertext"));
    } else {
      JsonObject kdf = object(secrets, "kdf", "secrets.kdf");
      sealed =
          new BundleCipher.Sealed(
              new BundleCipher.Kdf(
                  text(kdf, "algorithm", "secrets.kdf.algorithm", true),
                  integer(kdf, "iterations", "secrets.kdf.iterations"),
                  integer(kdf, "memoryKiB", "secrets.kdf.memoryKiB"),
                  integer(kdf, "parallelism", "secrets.kdf.parallelism"),
                  base64(kdf, "salt", "secrets.kdf.salt")),
              text(secrets, "cipher", "secrets.cipher", true),
              base64(secrets, "ciphertext", "secrets.ciphertext"));
    }
    return new Read(m, sealed, associatedData(manifest), null);
  }

  /** The secrets' values once decrypted, checked against the manifest's list. */
  static List<Entry> secretsOf(Manifest manifest, byte[] plaintext) {
    JsonArray values;
    try (var reader =
        Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))) {
      values = reader.readArray();
    } catch (JsonException e) {
      throw new InvalidValue("secrets", "does not hold a list of values");
    }
    if (values.size() != manifest.secrets().size()) {
      throw new InvalidValue("secrets", "holds another number of values than the manifest lists");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidValue("secrets", "holds a value that is not text");
      }
      Entry place = manifest.secrets().get(i);
      entries.add(
          new Entry(place.environment(), place.key(), ((JsonString) values.get(i)).getString()));
    }
    return entries;
  }

  private static Manifest manifestOf(JsonObject m, int maxEntries) {
    JsonObject app = object(m, "application", "manifest.application");
    List<Definition> settings =
        list(
            m,
            "settings",
            (o, at) ->
                new Definition(
                    text(o, "key", at + ".key", true),
                    text(o, "type", at + ".type", true),
                    o.containsKey("default")
                            && o.get("default").getValueType() != JsonValue.ValueType.NULL
                        ? o.get("default").toString()
                        : null,
                    text(o, "description", at + ".description", false),
                    bool(o, "required", at + ".required")));
    List<Entry> overrides =
        list(
            m,
            "overrides",
            (o, at) ->
                new Entry(
                    text(o, "environment", at + ".environment", true),
                    text(o, "key", at + ".key", true),
                    value(o, "value", at + ".value")));
    List<Entry> secrets =
        list(
            m,
            "secrets",
            (o, at) ->
                new Entry(
                    text(o, "environment", at + ".environment", true),
                    text(o, "key", at + ".key", true),
                    null));
    if (settings.size() + overrides.size() + secrets.size() > maxEntries) {
      throw new InvalidValue(
          "manifest", "must hold at most " + maxEntries + " settings, overrides and secrets");
    }
    List<ReleaseInfo> releases =
        list(
            m,
            "releases",
            (o, at) ->
                new ReleaseInfo(
                    text(o, "environment", at + ".environment", true),
                    integer(o, "number", at + ".number"),
                    text(o, "message", at + ".message", false),
                    text(o, "createdBy", at + ".createdBy", false),
                    text(o, "createdAt", at + ".createdAt", true),
                    o.containsKey("rolledBackFrom")
                        ? integer(o, "rolledBackFrom", at + ".rolledBackFrom")
                        : null));
    return new Manifest(
        new App(
            text(app, "slug", "manifest.application.slug", true),
            text(app, "name", "manifest.application.name", true),
            text(app, "description", "manifest.application.description", false),
            text(app, "owner", "manifest.application.owner", false)),
        text(m, "exportedAt", "manifest.exportedAt", true),
        text(m, "exportedBy", "manifest.exportedBy", true),
        list(
            m,
            "environments",
            (o, at) ->
                new Env(
                    text(o, "slug", at + ".slug", true),
                    text(o, "name", at + ".name", true),
                    bool(o, "production", at + ".production"))),
        settings,
        overrides,
        secrets,
        releases,
        values(m, "skipped", BundleFile::string));
  }

  private interface Element<T> {
    T read(JsonObject element, String at);
  }

  private static <T> List<T> list(JsonObject parent, String name, Element<T> element) {
    return values(
        parent,
        name,
        (JsonValue v, String at) -> {
          if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidValue(at, "must be an object");
          }
          return element.read(v.asJsonObject(), at);
        });
  }

  private static <T> List<T> values(
      JsonObject parent, String name, java.util.function.BiFunction<JsonValue, String, T> each) {
    String field = "manifest." + name;
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidValue(field, "must be a list");
    }
    JsonArray array = value.asJsonArray();
    List<T> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(each.apply(array.get(i), field + "[" + i + "]"));
    }
    return items;
  }

  private static JsonObject object(JsonObject parent, String name, String field) {
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidValue(field, "must be an object");
    }
    return value.asJsonObject();
  }

  private static String text(JsonObject parent, String name, String field, boolean required) {
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw new InvalidValue(field, "is required");
      }
      return null;
    }
    return string(value, field);
  }

  private static String string(JsonValue value, String field) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidValue(field, "must be a string");
    }
    String text = ((JsonString) value).getString();
    if (text.length() > 65_536) {
      throw new InvalidValue(field, "must be at most 65536 characters");
    }
    return text;
  }

  private static String value(JsonObject parent, String name, String field) {
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidValue(field, "is required");
    }
    return value.toString();
  }

  private static int integer(JsonObject parent, String name, String field) {
    JsonValue value = parent.get(name);
    if (value == null
        || value.getValueType() != JsonValue.ValueType.NUMBER
        || !parent.getJsonNumber(name).isIntegral()) {
      throw new InvalidValue(field, "must be a whole number");
    }
    try {
      return parent.getJsonNumber(name).intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidValue(field, "must be a whole number");
    }
  }

  private static boolean bool(JsonObject parent, String name, String field) {
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    throw new InvalidValue(field, "must be true or false");
  }

  private static byte[] base64(JsonObject parent, String name, String field) {
    String text = text(parent, name, field, true);
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidValue(field, "must be Base64");
    }
  }

  private static void optional(JsonObjectBuilder builder, String name, String value) {
    if (value != null) {
      builder.add(name, value);
    }
  }

  private static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
