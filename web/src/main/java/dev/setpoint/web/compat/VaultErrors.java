package dev.setpoint.web.compat;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.api.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Vault's error shape on {@code /v1}, the protocol's contract instead of problem documents: {@code
 * {"errors": [...]}}. A refused or missing credential is Vault's 403 {@code ["permission denied"]}
 * (Vault has no 401), not found is 404 with no errors, anything else keeps its status with the
 * problem's detail and field errors as messages. Headers (request id, rate limits, Retry-After)
 * stay.
 */
@Provider
public class VaultErrors implements ContainerResponseFilter {

  static final String PERMISSION_DENIED = "permission denied";

  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof Problem problem) || !onVaultPath(request)) {
      return;
    }
    int status = problem.status();
    JsonArrayBuilder errors = Json.createArrayBuilder();
    if (status == 401 || status == 403) {
      status = 403;
      errors.add(PERMISSION_DENIED);
      response.getHeaders().remove("WWW-Authenticate");
    } else if (status != 404) {
      errors.add(problem.detail());
      if (problem.errors() != null) {
        for (FieldError error : problem.errors()) {
          errors.add(error.field() + ": " + error.message());
        }
      }
    }
    response.setStatus(status);
    response.setEntity(
        Json.createObjectBuilder().add("errors", errors).build(),
        null,
        MediaType.APPLICATION_JSON_TYPE);
  }

  /**
   * Whether the request was for the Vault resources: by the path JAX-RS matched (relative, with or
   * without its leading /), or by the path the client asked for before the forward.
   */
  private boolean onVaultPath(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.equals(ProtocolPaths.VAULT_RESOURCE)
        || relative.startsWith(ProtocolPaths.VAULT_RESOURCE + "/")) {
      return true;
    }
    Object asked =
        servletRequest == null
            ? null
            : servletRequest.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_SERVLET_PATH);
    return asked instanceof String original
        && (original.equals(ProtocolPaths.VAULT_PREFIX)
            || original.startsWith(ProtocolPaths.VAULT_PREFIX + "/"));
  }
}
