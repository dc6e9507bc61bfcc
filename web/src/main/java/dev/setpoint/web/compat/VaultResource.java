package dev.setpoint.web.compat;

import dev.setpoint.api.compat.VaultReply;
import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.domain.delivery.DeliveredEnvironments;
import dev.setpoint.domain.delivery.Snapshot;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.web.http.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The read subset of Vault's KV version 2 API at {@code /v1}, for Vault's clients (Spring Cloud
 * Vault, External Secrets Operator, Vault Agent) with a Setpoint service token in {@code
 * X-Vault-Token}. {@code {mount}/data/{app}/{env}} is the environment's released configuration,
 * {@code .../{key}} one key of it as {@code {"value": ...}}; the version is the release number.
 * Errors are Vault's {@code {"errors": [...]}} ({@link VaultErrors}); writes are 405.
 */
@Path(ProtocolPaths.VAULT_RESOURCE)
@RequestScoped
@Tag(name = "Vault KV v2")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = "VaultBadRequest")
@APIResponse(responseCode = "403", ref = "VaultPermissionDenied")
@APIResponse(responseCode = "404", ref = "VaultNotFound")
@APIResponse(responseCode = "429", ref = "VaultTooManyRequests")
@APIResponse(responseCode = "500", ref = "VaultServerError")
@APIResponse(responseCode = "503", ref = "VaultUnavailable")
public class VaultResource {

  private static final String PROTOCOL = "vault";
  private static final String WRITABLE =
      "{mount}/{kind: data|metadata|delete|undelete|destroy}/{path: .*}";
  private static final Pattern VERSION = Pattern.compile("^(0|[1-9][0-9]{0,8})$");

  @Inject ReleasedConfiguration released;
  @Inject CompatConfig config;
  @Inject DeliveredEnvironments environments;

  @GET
  @Path("{mount}/data/{path: .+}")
  @Operation(
      operationId = "vaultReadSecret",
      summary = "Vault KV v2: read a secret",
      description =
          "data.data is {app}/{env}'s release as key → value (settings in their JSON type,"
              + " secrets as strings), or {\"value\": ...} for {app}/{env}/{key};"
              + " data.metadata {created_time, custom_metadata {application, environment,"
              + " release}, deletion_time, destroyed, version}. version=N reads release N.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(
      responseCode = "200",
      description = "Vault's envelope with data {data, metadata}.",
      content = @Content(schema = @Schema(implementation = VaultReply.class)))
  public Response read(
      @Parameter(description = "The mount (setpoint.compat.vault.mount).") @PathParam("mount")
          String mount,
      @Parameter(description = "{app}/{env} or {app}/{env}/{key}") @PathParam("path") String path,
      @Parameter(
              description = "A release number; absent or 0: the current release.",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
          @QueryParam("version")
          String version,
      @Parameter(
              description = "The running instance's id, shown in the consumers list.",
              schema = @Schema(type = SchemaType.STRING, pattern = Delivery.INSTANCE_PATTERN))
          @HeaderParam(Delivery.INSTANCE_HEADER)
          String instance) {
    checkMount(mount);
    VaultPath at = VaultPath.parse(path);
    Snapshot snapshot = released.release(at.where(), releaseNumber(version));
    Optional<String> key = at.checkedKey();
    byte[] data;
    if (key.isPresent()) {
      JsonValue value =
          ReleasedConfiguration.value(snapshot, key.get()).orElseThrow(() -> noKey(key.get()));
      data =
          Json.createObjectBuilder()
              .add("value", value)
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8);
    } else {
      data = ReleasedConfiguration.flatJson(snapshot);
    }
    released.served(snapshot, PROTOCOL, instance);
    String metadata = versionMetadata(snapshot).build().toString();
    byte[] body =
        VaultEnvelope.concat(
            VaultEnvelope.start(),
            "{\"data\":".getBytes(StandardCharsets.UTF_8),
            data,
            (",\"metadata\":" + metadata + "}").getBytes(StandardCharsets.UTF_8),
            VaultEnvelope.end(true));
    return Response.ok(body, MediaType.APPLICATION_JSON).cacheControl(Callers.noStore()).build();
  }

  @GET
  @Path("{mount}/metadata/{path: .+}")
  @Operation(
      operationId = "vaultReadMetadata",
      summary = "Vault KV v2: a secret's metadata, or a list",
      description =
          "data {created_time, updated_time, current_version, oldest_version (both the current"
              + " release: older releases are read with version=N), versions {N: {created_time,"
              + " deletion_time, destroyed}}, custom_metadata, max_versions, cas_required,"
              + " delete_version_after}. With list=true on {app}/{env}: data.keys, the release's"
              + " keys; on {app}: its environments with a release the caller may read, as"
              + " folders (\"staging/\"). No secret value is sent.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(
      responseCode = "200",
      description = "Vault's envelope with the metadata, or data.keys.",
      content = @Content(schema = @Schema(implementation = VaultReply.class)))
  public Response metadata(
      @Parameter(description = "The mount (setpoint.compat.vault.mount).") @PathParam("mount")
          String mount,
      @Parameter(description = "{app}/{env} or {app}/{env}/{key}; {app} to list") @PathParam("path")
          String path,
      @Parameter(
              description =
                  "true: list the keys under {app}/{env}, or the environments under {app}"
                      + " (as Vault's LIST).",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("list")
          String list) {
    checkMount(mount);
    if (list != null && !list.equals("true") && !list.equals("false")) {
      throw new InvalidValue("list", "must be true or false");
    }
    if ("true".equals(list)) {
      return keys(path);
    }
    VaultPath at = VaultPath.parse(path);
    Snapshot snapshot = released.release(at.where(), null);
    at.checkedKey()
        .filter(
            key -> !snapshot.settings().containsKey(key) && !snapshot.secrets().containsKey(key))
        .ifPresent(
            key -> {
              throw noKey(key);
            });
    String created = snapshot.publishedAt().toString();
    JsonObject versions =
        Json.createObjectBuilder()
            .add(
                String.valueOf(snapshot.number()),
                Json.createObjectBuilder()
                    .add("created_time", created)
                    .add("deletion_time", "")
                    .add("destroyed", false))
            .build();
    JsonObject data =
        Json.createObjectBuilder()
            .add("cas_required", false)
            .add("created_time", created)
            .add("current_version", snapshot.number())
            .add("custom_metadata", customMetadata(snapshot))
            .add("delete_version_after", "0s")
            .add("max_versions", 0)
            .add("oldest_version", snapshot.number())
            .add("updated_time", created)
            .add("versions", versions)
            .build();
    return VaultEnvelope.reply(data, true);
  }

  /** Vault's LIST method on a metadata path: the same as {@code ?list=true}. */
  @LIST
  @Path("{mount}/metadata/{path: .+}")
  @Operation(hidden = true)
  public Response list(@PathParam("mount") String mount, @PathParam("path") String path) {
    checkMount(mount);
    return keys(path);
  }

  /**
   * Any other read under a mount, such as the KV version 1 path Spring Cloud Vault falls back to
   * when its mount probe is refused: not found. A request without a valid token never gets here: as
   * Vault checks the token before the path, it is refused with permission denied.
   */
  @GET
  @Path("{mount}/{path: .+}")
  @Operation(hidden = true)
  public Response unversioned() {
    throw new NotFound("The mount is KV version 2: read {mount}/data/{app}/{env}");
  }

  /** Writes, on every KV path: Setpoint's configuration changes through its own API. */
  @PUT
  @Path(WRITABLE)
  @Operation(hidden = true)
  public Response put() {
    return writeRefused();
  }

  /** As {@link #put}. */
  @POST
  @Path(WRITABLE)
  @Operation(hidden = true)
  public Response post() {
    return writeRefused();
  }

  /** As {@link #put}. */
  @PATCH
  @Path(WRITABLE)
  @Operation(hidden = true)
  public Response patch() {
    return writeRefused();
  }

  /** As {@link #put}. */
  @DELETE
  @Path(WRITABLE)
  @Operation(hidden = true)
  public Response delete() {
    return writeRefused();
  }

  private static Response writeRefused() {
    return Response.status(405)
        .header("Allow", "GET, LIST")
        .entity(
            Json.createObjectBuilder()
                .add(
                    "errors",
                    Json.createArrayBuilder()
                        .add(
                            "Setpoint serves released configuration read-only here; change it"
                                + " through Setpoint's API (/api/v1/applications/{app}/...,"
                                + " see /openapi) and publish a release"))
                .build())
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private Response keys(String path) {
    Optional<Slug> app = VaultPath.application(path);
    if (app.isPresent()) {
      List<String> folders =
          environments.of(app.get()).stream().map(env -> env.value() + "/").toList();
      if (folders.isEmpty()) {
        // Vault answers an empty folder as not found
        throw new NotFound("No environment of " + app.get() + " has a release to read");
      }
      return keyList(folders);
    }
    VaultPath at = VaultPath.parse(path);
    if (at.key().isPresent()) {
      // a key is a leaf: nothing is listed under it
      released.release(at.where(), null);
      throw new NotFound("Nothing is listed under a key");
    }
    Snapshot snapshot = released.release(at.where(), null);
    TreeSet<String> keys = new TreeSet<>(snapshot.settings().keySet());
    keys.addAll(snapshot.secrets().keySet());
    return keyList(keys.stream().toList());
  }

  private static Response keyList(List<String> keys) {
    return VaultEnvelope.reply(
        Json.createObjectBuilder().add("keys", Json.createArrayBuilder(keys)).build(), true);
  }

  private void checkMount(String mount) {
    if (!config.mount().equals(mount)) {
      throw new NotFound("No mount named " + mount);
    }
  }

  private static Integer releaseNumber(String version) {
    if (version == null || version.isEmpty()) {
      return null;
    }
    if (!VERSION.matcher(version).matches()) {
      throw new InvalidValue("version", "must be a release number, or 0 for the current one");
    }
    int number = Integer.parseInt(version);
    return number == 0 ? null : number;
  }

  private static NotFound noKey(String key) {
    return new NotFound("The release holds no key " + key);
  }

  private static JsonObjectBuilder versionMetadata(Snapshot snapshot) {
    return Json.createObjectBuilder()
        .add("created_time", snapshot.publishedAt().toString())
        .add("custom_metadata", customMetadata(snapshot))
        .add("deletion_time", "")
        .add("destroyed", false)
        .add("version", snapshot.number());
  }

  private static JsonObject customMetadata(Snapshot snapshot) {
    return Json.createObjectBuilder()
        .add("setpoint_release", String.valueOf(snapshot.number()))
        .add("setpoint_hash", snapshot.hash())
        .build();
  }
}
