package dev.setpoint.web.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The response shapes resources share: tagged reads, creates with Location, replaces. */
public final class Responses {

  private Responses() {}

  /** 200 with the body and its ETag, or 304 when the caller's If-None-Match already matches. */
  public static Response read(Request request, long version, Object body) {
    return read(request, Preconditions.tag(version), body);
  }

  /** 200 with the body and {@code tag}, or 304 when the caller's If-None-Match already matches. */
  public static Response read(Request request, EntityTag tag, Object body) {
    return Preconditions.unmet(request, tag).orElseGet(() -> Response.ok(body).tag(tag).build());
  }

  /** 201 with Location {@code <request path>/<id>}, ETag and body. */
  public static Response created(UriInfo uri, String id, long version, Object body) {
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .tag(Preconditions.tag(version))
        .entity(body)
        .build();
  }

  /** 201 (with Location of the request URI itself) or 200 for a create-or-replace PUT. */
  public static Response put(UriInfo uri, boolean created, long version, Object body) {
    Response.ResponseBuilder builder =
        created ? Response.created(uri.getAbsolutePath()) : Response.ok();
    return builder.tag(Preconditions.tag(version)).entity(body).build();
  }

  /** 200 with the updated body and its new ETag. */
  public static Response updated(long version, Object body) {
    return Response.ok(body).tag(Preconditions.tag(version)).build();
  }
}
