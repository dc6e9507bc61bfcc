package dev.setpoint.web.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * A request that carries a body must send it in a media type its resource declares, even where the
 * body is optional or ignored (a publish without a message, a reveal): otherwise 415. A method that
 * consumes anything only so that a request without a body matches it does not widen this; the
 * resource's own {@code @Consumes} (JSON unless it says otherwise) still decides.
 */
@Provider
public class BodyMediaTypes implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || !hasBody(request)) {
      return;
    }
    MediaType sent = request.getMediaType();
    if (sent == null || accepted(method).stream().noneMatch(type -> type.isCompatible(sent))) {
      throw new NotSupportedException();
    }
  }

  /** A declared length above zero, or a body of unknown length (chunked). */
  static boolean hasBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      return !length.trim().equals("0");
    }
    return request.getHeaderString("Transfer-Encoding") != null;
  }

  /** The method's media types, else its class's, else JSON; a bare wildcard does not count. */
  private List<MediaType> accepted(Method method) {
    for (Consumes consumes :
        Arrays.asList(
            method.getAnnotation(Consumes.class),
            resource.getResourceClass().getAnnotation(Consumes.class))) {
      if (consumes != null) {
        List<MediaType> types =
            Arrays.stream(consumes.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> MediaType.valueOf(value.trim()))
                .filter(type -> !type.isWildcardType())
                .toList();
        if (!types.isEmpty()) {
          return types;
        }
      }
    }
    return List.of(MediaType.APPLICATION_JSON_TYPE);
  }
}
