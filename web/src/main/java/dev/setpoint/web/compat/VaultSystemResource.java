package dev.setpoint.web.compat;

import dev.setpoint.api.compat.VaultHealth;
import dev.setpoint.api.compat.VaultReply;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.web.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Vault's {@code sys} paths that its clients ask before reading: the mount probe (KV version 2) and
 * health. No mount may be named {@code sys}, so these never shadow a secret.
 */
@Path(ProtocolPaths.VAULT_RESOURCE + "/sys")
@RequestScoped
@Tag(name = "Vault KV v2")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", ref = "VaultPermissionDenied")
@APIResponse(responseCode = "404", ref = "VaultNotFound")
@APIResponse(responseCode = "429", ref = "VaultTooManyRequests")
@APIResponse(responseCode = "500", ref = "VaultServerError")
public class VaultSystemResource {

  @Inject CompatConfig config;
  @Inject Access access;
  @Inject Envelope envelope;
  @Inject Clock clock;

  @GET
  @Path("internal/ui/mounts/{path: .+}")
  @Operation(
      operationId = "vaultMount",
      summary = "Vault: the mount of a path",
      description =
          "What Vault's clients ask before reading, to learn the KV version: the configured"
              + " mount is kv with options.version 2; any other path is not found.")
  @Extension(name = "x-setpoint-access", value = "authenticated")
  @APIResponse(
      responseCode = "200",
      description = "Vault's envelope with data {type: kv, options {version: 2}, path, ...}.",
      content = @Content(schema = @Schema(implementation = VaultReply.class)))
  public Response mount(
      @Parameter(description = "A path starting with the mount.") @PathParam("path") String path) {
    access.requireAuthenticated();
    String mount = config.mount();
    if (!path.equals(mount) && !path.startsWith(mount + "/")) {
      throw new NotFound("No mount at " + path);
    }
    JsonObject data =
        Json.createObjectBuilder()
            .add("accessor", "kv_setpoint")
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("default_lease_ttl", 0)
                    .add("force_no_cache", false)
                    .add("max_lease_ttl", 0))
            .add("description", "Setpoint's released configuration (read only)")
            .add("external_entropy_access", false)
            .add("local", false)
            .add("options", Json.createObjectBuilder().add("version", "2"))
            .add("path", mount + "/")
            .add("seal_wrap", false)
            .add("type", "kv")
            .add("uuid", UUID.nameUUIDFromBytes(mount.getBytes(StandardCharsets.UTF_8)).toString())
            .build();
    return VaultEnvelope.reply(data, false);
  }

  @GET
  @Path("health")
  @Public
  @Operation(
      operationId = "vaultHealth",
      summary = "Vault: health",
      description =
          "One initialized, active node: 200, or 503 with sealed true while the master keys are"
              + " not loaded (no secret can be read).")
  @Extension(name = "x-setpoint-access", value = "public")
  @APIResponse(
      responseCode = "200",
      description = "Unsealed and active.",
      content = @Content(schema = @Schema(implementation = VaultHealth.class)))
  public Response health() {
    boolean sealed = !envelope.ready();
    VaultHealth health =
        new VaultHealth(
            true,
            sealed,
            false,
            false,
            "disabled",
            "disabled",
            clock.instant().getEpochSecond(),
            "setpoint",
            "setpoint");
    JsonObject body =
        Json.createObjectBuilder()
            .add("initialized", health.initialized())
            .add("sealed", health.sealed())
            .add("standby", health.standby())
            .add("performance_standby", health.performance_standby())
            .add("replication_performance_mode", health.replication_performance_mode())
            .add("replication_dr_mode", health.replication_dr_mode())
            .add("server_time_utc", health.server_time_utc())
            .add("version", health.version())
            .add("cluster_name", health.cluster_name())
            .build();
    return Response.status(sealed ? 503 : 200)
        .entity(body)
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
