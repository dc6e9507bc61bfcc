package dev.setpoint.web.compat;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.CallerContext;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.delivery.DeliveryService;
import dev.setpoint.domain.delivery.InstanceIds;
import dev.setpoint.domain.delivery.Snapshot;
import dev.setpoint.domain.release.ReleaseContent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The released configuration the compatibility protocols serve, through the delivery use case: the
 * same token scopes, delivery audit and consumer sightings as {@code /api/v1/config}. A read by a
 * client that names no instance ({@code X-Setpoint-Instance}) is seen as {@code <protocol>@<client
 * address>}.
 */
@RequestScoped
public class ReleasedConfiguration {

  /** The key under which a release's flat JSON body is kept with its snapshot. */
  private static final String FLAT = "compat.flat-json";

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  @Inject DeliveryService delivery;
  @Inject Access access;
  @Inject CallerContext callers;

  /** The release {@code where} serves now, or release {@code number} when given. */
  public Snapshot release(EnvironmentRef where, Integer number) {
    return number == null ? delivery.current(where) : delivery.release(where, number);
  }

  /** Records that the caller was sent {@code snapshot} over {@code protocol}. */
  public void served(Snapshot snapshot, String protocol, String instance) {
    String address = callers.clientAddress();
    String seen = InstanceIds.valid(instance) ? instance : protocol + "@" + address;
    delivery.served(
        snapshot, InstanceIds.valid(seen) ? seen : null, true, access.caller(), address);
  }

  /**
   * The release as one flat JSON object (settings in their JSON type, secrets as strings, in key
   * order), rendered once per release and kept with it.
   */
  public static byte[] flatJson(Snapshot snapshot) {
    return snapshot.rendered(FLAT, ReleasedConfiguration::renderFlat);
  }

  /** Every key of the release, settings and secrets, as text, in key order. */
  public static SortedMap<String, String> texts(Snapshot snapshot) {
    SortedMap<String, String> all = new TreeMap<>();
    snapshot.settings().forEach((key, value) -> all.put(key, value.value()));
    all.putAll(snapshot.secretValues());
    return all;
  }

  /** The value of one key (a secret decrypted for this answer only); empty when absent. */
  public static Optional<JsonValue> value(Snapshot snapshot, String key) {
    ReleaseContent.SettingValue setting = snapshot.settings().get(key);
    if (setting != null) {
      return Optional.of(setting.type().toJson(setting.value()));
    }
    return snapshot.secretValue(key).map(Json::createValue);
  }

  private static byte[] renderFlat(Snapshot snapshot) {
    SortedMap<String, Object> all = new TreeMap<>(snapshot.settings());
    all.putAll(snapshot.secretValues());
    StringWriter out = new StringWriter(64 * (all.size() + 1));
    try (JsonGenerator json = GENERATORS.createGenerator(out)) {
      json.writeStartObject();
      all.forEach(
          (key, value) -> {
            if (value instanceof ReleaseContent.SettingValue setting) {
              json.write(key, setting.type().toJson(setting.value()));
            } else {
              json.write(key, (String) value);
            }
          });
      json.writeEnd();
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
