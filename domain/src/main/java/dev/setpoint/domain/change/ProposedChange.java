package dev.setpoint.domain.change;

import dev.setpoint.domain.secret.Envelope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * One write a change request carries, as stored: the operation, its key, the checked value of a
 * setting or the sealed value of a secret (never its plaintext), a publish's message and opaque
 * rollout, and the base it was proposed against (what the key, or the latest release, was then).
 *
 * @param value a setting's value as JSON text, checked against its type; null otherwise
 * @param sealed a secret's value sealed by the envelope; null otherwise
 * @param rollout a publish's rollout request as JSON text, kept as given; null when absent
 * @param base the key's version (or the latest release number for a publish), {@code none} when
 *     absent
 */
public record ProposedChange(
    Op op,
    String key,
    String value,
    Envelope.Sealed sealed,
    String encoding,
    String message,
    String rollout,
    String base) {

  /** What a change does. */
  public enum Op {
    SET_SETTING("set-setting"),
    REMOVE_SETTING("remove-setting"),
    SET_SECRET("set-secret"),
    DELETE_SECRET("delete-secret"),
    PUBLISH("publish");

    private final String wireName;

    Op(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** The operation named {@code text}; null when none is. */
    public static Op named(String text) {
      return Arrays.stream(values()).filter(o -> o.wireName.equals(text)).findFirst().orElse(null);
    }

    /** The names, for an error message. */
    public static String names() {
      return Arrays.stream(values()).map(Op::wireName).collect(Collectors.joining(", "));
    }
  }

  /** The base of a key or release that did not exist. */
  public static final String ABSENT = "none";

  /** Whether this change writes to a key (everything but a publish). */
  public boolean keyed() {
    return op != Op.PUBLISH;
  }

  JsonObject toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder().add("op", op.wireName()).add("base", base);
    add(json, "key", key);
    add(json, "value", value);
    add(json, "encoding", encoding);
    add(json, "message", message);
    add(json, "rollout", rollout);
    if (sealed != null) {
      Base64.Encoder b64 = Base64.getEncoder();
      json.add(
          "sealed",
          Json.createObjectBuilder()
              .add("keyId", sealed.keyId())
              .add("wrappedKey", b64.encodeToString(sealed.wrappedKey()))
              .add("ciphertext", b64.encodeToString(sealed.ciphertext())));
    }
    return json.build();
  }

  static ProposedChange fromJson(JsonObject json) {
    Envelope.Sealed sealed = null;
    if (json.containsKey("sealed")) {
      JsonObject s = json.getJsonObject("sealed");
      Base64.Decoder b64 = Base64.getDecoder();
      sealed =
          new Envelope.Sealed(
              s.getString("keyId"),
              b64.decode(s.getString("wrappedKey")),
              b64.decode(s.getString("ciphertext")));
    }
    return new ProposedChange(
        Op.named(json.getString("op")),
        json.getString("key", null),
        json.getString("value", null),
        sealed,
        json.getString("encoding", null),
        json.getString("message", null),
        json.getString("rollout", null),
        json.getString("base"));
  }

  private static void add(JsonObjectBuilder json, String name, String text) {
    if (text != null) {
      json.add(name, text);
    }
  }

  @Override
  public String toString() {
    return "ProposedChange[" + op.wireName() + " " + key + "]";
  }
}
