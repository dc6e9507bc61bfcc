package dev.setpoint.web.compat;

import dev.setpoint.api.compat.VaultReply;
import dev.setpoint.domain.access.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vault's {@code auth/token/lookup-self}: a Setpoint service token describing itself. */
@Path(ProtocolPaths.VAULT_RESOURCE + "/auth/token")
@RequestScoped
@Tag(name = "Vault KV v2")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", ref = "VaultPermissionDenied")
@APIResponse(responseCode = "404", ref = "VaultNotFound")
@APIResponse(responseCode = "429", ref = "VaultTooManyRequests")
@APIResponse(responseCode = "500", ref = "VaultServerError")
public class VaultTokenResource {

  @Inject TokenService tokens;
  @Inject Clock clock;

  @GET
  @Path("lookup-self")
  @Operation(
      operationId = "vaultLookupSelf",
      summary = "Vault: the token looking itself up",
      description =
          "The service token's name, scope (meta), issue and expiry times and remaining ttl in"
              + " seconds (0 and expire_time null when it never expires); never the token."
              + " A person is refused (403).")
  @Extension(name = "x-setpoint-access", value = "self-token")
  @APIResponse(
      responseCode = "200",
      description = "Vault's envelope with the token's data.",
      content = @Content(schema = @Schema(implementation = VaultReply.class)))
  public Response lookupSelf() {
    TokenService.Self self = tokens.self();
    Instant now = clock.instant();
    long ttl =
        self.expiresAt() == null
            ? 0
            : Math.max(0, Duration.between(now, self.expiresAt()).toSeconds());
    long creationTtl =
        self.expiresAt() == null
            ? 0
            : Math.max(0, Duration.between(self.createdAt(), self.expiresAt()).toSeconds());
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("accessor", self.id().toString())
            .add("creation_time", self.createdAt().getEpochSecond())
            .add("creation_ttl", creationTtl)
            .add("display_name", "token-" + self.name())
            .add("entity_id", "")
            .add("explicit_max_ttl", creationTtl)
            .add("id", "")
            .add("issue_time", self.createdAt().toString())
            .add(
                "meta",
                Json.createObjectBuilder()
                    .add("application", self.application())
                    .add("environments", String.join(",", self.environments())))
            .add("num_uses", 0)
            .add("orphan", true)
            .add("path", "auth/token/create")
            .add("policies", Json.createArrayBuilder().add("setpoint-delivery"))
            .add("renewable", false)
            .add("ttl", ttl)
            .add("type", "service");
    if (self.expiresAt() == null) {
      data.addNull("expire_time");
    } else {
      data.add("expire_time", self.expiresAt().toString());
    }
    return VaultEnvelope.reply(data.build(), false);
  }
}
