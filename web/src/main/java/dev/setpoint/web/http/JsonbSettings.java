package dev.setpoint.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B configuration of every request and response body: unknown properties are refused (a
 * misspelt field must not be silently ignored) and null fields are left out of responses.
 */
@Provider
@ApplicationScoped
public class JsonbSettings implements ContextResolver<Jsonb> {

  /** Yasson's switch for refusing properties the target type does not declare. */
  static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig().withNullValues(false).setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
