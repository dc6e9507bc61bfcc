package dev.setpoint.web.compat;

import dev.setpoint.api.compat.SpringEnvironment;
import dev.setpoint.api.delivery.Delivery;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The headers every Spring Cloud Config request may carry besides its path: the media types it
 * accepts and the running instance's id.
 */
public class SpringRequest {

  @HeaderParam(HttpHeaders.ACCEPT)
  String accept;

  @Parameter(
      description = "The running instance's id, shown in the consumers list.",
      schema = @Schema(type = SchemaType.STRING, pattern = Delivery.INSTANCE_PATTERN))
  @HeaderParam(Delivery.INSTANCE_HEADER)
  String instance;

  /** The instance header as sent, or null. */
  String instance() {
    return instance;
  }

  /** The Environment's media type for this request: Spring's v2 type when asked for, else JSON. */
  String environmentType() {
    return accept != null && accept.contains(SpringEnvironment.V2_MEDIA_TYPE)
        ? SpringEnvironment.V2_MEDIA_TYPE
        : MediaType.APPLICATION_JSON;
  }
}
