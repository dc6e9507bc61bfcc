package dev.setpoint.web.compat;

import dev.setpoint.api.compat.SpringEnvironment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.delivery.Snapshot;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Spring Cloud Config Server protocol ({@code spring.config.import=configserver:...}), served
 * at the configured prefix (default {@code /config-server}): the application is the Setpoint
 * application, each profile an environment (through the profile mapping when names differ), the
 * label a release number (absent: the current release). Released configuration only, with secret
 * values, to the callers allowed to receive them.
 */
@Path(ProtocolPaths.SPRING_RESOURCE)
@RequestScoped
@Tag(name = "Spring Cloud Config")
@Produces({MediaType.APPLICATION_JSON, SpringEnvironment.V2_MEDIA_TYPE})
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ConfigServerResource {

  /** The most profiles one request may name. */
  static final int MAX_PROFILES = 8;

  private static final Pattern LABEL = Pattern.compile("^[1-9][0-9]{0,8}$");
  private static final Pattern FILE =
      Pattern.compile("^(.+)-([^-]+)\\.(properties|yml|yaml|json)$");
  private static final String PROTOCOL = "spring";
  private static final String DEFAULT_PROFILE = "default";

  @Inject ReleasedConfiguration released;
  @Inject CompatConfig config;

  @GET
  @Path("{application}/{profile}")
  @Operation(
      operationId = "springEnvironment",
      summary = "Spring Cloud Config: the current release",
      description =
          "Spring Cloud Config Server's Environment for an application and comma-separated"
              + " profiles: one property source per profile (the last profile first, as Spring"
              + " orders them), named {application}-{profile} so that Spring treats it as"
              + " profile-specific. A profile named 'default' that is no environment is left out."
              + " Secrets are values; Cache-Control: no-store.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(responseCode = "200", ref = "SpringEnvironment")
  public Response environment(
      @Parameter(description = "The Setpoint application's slug.") @PathParam("application")
          String application,
      @Parameter(description = "Spring profiles, comma-separated; each names an environment.")
          @PathParam("profile")
          String profile,
      @BeanParam SpringRequest request) {
    return environmentAt(application, profile, null, request);
  }

  @GET
  @Path("{application}/{profile}/{label}")
  @Operation(
      operationId = "springEnvironmentAtLabel",
      summary = "Spring Cloud Config: a release by number",
      description =
          "As springEnvironment, with the label naming a release number of the (one) profile's"
              + " environment.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(responseCode = "200", ref = "SpringEnvironment")
  public Response environmentAt(
      @Parameter(description = "The Setpoint application's slug.") @PathParam("application")
          String application,
      @Parameter(description = "One Spring profile, naming an environment.") @PathParam("profile")
          String profile,
      @Parameter(
              description = "A release number of that environment.",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @PathParam("label")
          String label,
      @BeanParam SpringRequest request) {
    Integer number = releaseNumber(label);
    List<String> profiles = profiles(profile, number != null);
    List<Served> sources = load(application, profiles, number, request.instance());
    byte[] body = environmentJson(application, profiles, label, sources);
    return Response.ok(body, request.environmentType()).cacheControl(noStore()).build();
  }

  @GET
  @Path("{file: [^/]+\\.(?:properties|yml|yaml|json)}")
  @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "springDocument",
      summary = "Spring Cloud Config: one merged document",
      description =
          "{application}-{profiles}.properties, .yml (or .yaml) or .json: the current releases of"
              + " the profiles' environments merged (a later profile wins); YAML and JSON nest"
              + " dotted keys. The application is everything before the last '-'; profiles whose"
              + " names hold a '-' are reached through the profile mapping.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(responseCode = "200", ref = "SpringDocument")
  public Response document(
      @Parameter(description = "{application}-{profiles}.{properties|yml|yaml|json}")
          @PathParam("file")
          String file,
      @BeanParam SpringRequest request) {
    return documentAt(null, file, request);
  }

  @GET
  @Path("{label}/{file: [^/]+\\.(?:properties|yml|yaml|json)}")
  @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "springDocumentAtLabel",
      summary = "Spring Cloud Config: one document of a release",
      description = "As springDocument, for release {label} of the (one) profile's environment.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(responseCode = "200", ref = "SpringDocument")
  public Response documentAt(
      @Parameter(
              description = "A release number of the profile's environment.",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @PathParam("label")
          String label,
      @Parameter(description = "{application}-{profile}.{properties|yml|yaml|json}")
          @PathParam("file")
          String file,
      @BeanParam SpringRequest request) {
    Matcher parts = FILE.matcher(file);
    if (!parts.matches()) {
      throw new InvalidValue("file", "must be {application}-{profile}.properties, .yml or .json");
    }
    Integer number = releaseNumber(label);
    List<String> profiles = profiles(parts.group(2).replace('+', ','), number != null);
    List<Served> sources = load(parts.group(1), profiles, number, request.instance());
    List<Snapshot> lowestFirst = new ArrayList<>();
    for (int i = sources.size() - 1; i >= 0; i--) {
      lowestFirst.add(sources.get(i).snapshot());
    }
    SortedMap<String, JsonValue> merged = SpringFormats.merged(lowestFirst);
    String extension = parts.group(3);
    Response.ResponseBuilder reply =
        switch (extension) {
          case "json" -> Response.ok(SpringFormats.json(merged), MediaType.APPLICATION_JSON);
          case "properties" ->
              Response.ok(SpringFormats.properties(merged), "text/plain; charset=UTF-8");
          default -> Response.ok(SpringFormats.yaml(merged), "text/plain; charset=UTF-8");
        };
    return reply.cacheControl(noStore()).build();
  }

  /** A release served for one profile. */
  private record Served(String profile, Snapshot snapshot) {}

  /** The profiles' releases, the last profile first; each read is a sighting. */
  private List<Served> load(
      String application, List<String> profiles, Integer number, String instance) {
    Map<String, String> mapping = config.profiles();
    List<Served> sources = new ArrayList<>();
    for (int i = profiles.size() - 1; i >= 0; i--) {
      String profile = profiles.get(i);
      EnvironmentRef where =
          EnvironmentRef.parse(application, mapping.getOrDefault(profile, profile));
      Snapshot snapshot;
      try {
        snapshot = released.release(where, number);
      } catch (NotFound | Forbidden e) {
        if (DEFAULT_PROFILE.equals(profile) && !mapping.containsKey(profile)) {
          // Spring's profile when none is active: served only when the caller may read an
          // environment of that name
          continue;
        }
        throw e;
      }
      released.served(snapshot, PROTOCOL, instance);
      sources.add(new Served(profile, snapshot));
    }
    return sources;
  }

  private static List<String> profiles(String profile, boolean labelled) {
    List<String> profiles = new ArrayList<>();
    for (String name : profile.split(",", -1)) {
      if (name.isBlank()) {
        throw new InvalidValue("profile", "must name profiles separated by commas");
      }
      profiles.add(name.strip());
    }
    if (profiles.size() > MAX_PROFILES) {
      throw new InvalidValue("profile", "may name at most " + MAX_PROFILES + " profiles");
    }
    if (labelled && profiles.size() > 1) {
      throw new InvalidValue(
          "label", "is a release number of one environment: name one profile with it");
    }
    return profiles;
  }

  private static Integer releaseNumber(String label) {
    if (label == null) {
      return null;
    }
    if (!LABEL.matcher(label).matches()) {
      throw new InvalidValue("label", "must be a release number (a whole number from 1)");
    }
    return Integer.valueOf(label);
  }

  /**
   * Spring's Environment; each source's body is the release's rendered source, kept with it, so a
   * repeated read serializes only this envelope.
   */
  private static byte[] environmentJson(
      String application, List<String> profiles, String label, List<Served> sources) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(out, "{\"name\":" + Json.createValue(application));
    write(out, ",\"profiles\":" + Json.createArrayBuilder(profiles).build());
    write(out, ",\"label\":" + text(label));
    String version =
        sources.size() == 1 ? String.valueOf(sources.get(0).snapshot().number()) : null;
    write(out, ",\"version\":" + text(version));
    write(out, ",\"state\":null,\"propertySources\":[");
    for (int i = 0; i < sources.size(); i++) {
      Served served = sources.get(i);
      write(out, (i == 0 ? "" : ",") + "{\"name\":");
      write(out, Json.createValue(sourceName(application, served)).toString());
      write(out, ",\"source\":");
      out.writeBytes(SpringFormats.source(served.snapshot()));
      write(out, "}");
    }
    write(out, "]}");
    return out.toByteArray();
  }

  /** {@code setpoint:{application}-{profile}}: the form Spring takes as profile-specific. */
  static String sourceName(String application, Served served) {
    return "setpoint:"
        + application
        + "-"
        + served.profile()
        + " (release "
        + served.snapshot().number()
        + ")";
  }

  private static String text(String value) {
    return value == null ? "null" : Json.createValue(value).toString();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static jakarta.ws.rs.core.CacheControl noStore() {
    return dev.setpoint.web.http.Callers.noStore();
  }
}
