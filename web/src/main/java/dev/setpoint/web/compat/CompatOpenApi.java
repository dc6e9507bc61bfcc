package dev.setpoint.web.compat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Names the compatibility protocols' operations by the paths clients call ({@code
 * /config-server/...} at the configured prefix, {@code /v1/...}) instead of the internal mount
 * {@link CompatPaths} forwards them to. Registered as {@code mp.openapi.filter}; the OpenAPI
 * runtime creates it outside CDI, so it reads the prefix from MicroProfile Config itself.
 */
public class CompatOpenApi implements OASFilter {

  private static final String INTERNAL = "/api/v1/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Paths paths = openAPI.getPaths();
    if (paths == null || paths.getPathItems() == null) {
      return;
    }
    String prefix =
        ConfigProvider.getConfig()
            .getOptionalValue("setpoint.compat.config-server.prefix", String.class)
            .orElse(CompatConfig.DEFAULT_PREFIX);
    Map<String, String> renamed = new LinkedHashMap<>();
    renamed.put(INTERNAL + ProtocolPaths.SPRING_RESOURCE, prefix);
    renamed.put(INTERNAL + ProtocolPaths.VAULT_RESOURCE, ProtocolPaths.VAULT_PREFIX);
    for (Map.Entry<String, PathItem> item : new LinkedHashMap<>(paths.getPathItems()).entrySet()) {
      renamed.forEach(
          (internal, public_) -> {
            if (item.getKey().startsWith(internal + "/")) {
              paths.removePathItem(item.getKey());
              paths.addPathItem(
                  public_ + item.getKey().substring(internal.length()), item.getValue());
            }
          });
    }
  }
}
