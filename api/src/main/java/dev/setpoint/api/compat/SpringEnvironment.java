package dev.setpoint.api.compat;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Spring Cloud Config Server's {@code Environment}, as its client reads it.
 *
 * @param name the application
 * @param profiles the profiles asked for
 * @param label the label asked for (a release number), or null
 * @param version the release number when one environment answered, else null
 * @param state always null (Spring's state of a repository)
 * @param propertySources one per profile that names an environment, the last profile first
 */
@Schema(name = "SpringEnvironment", description = "Spring Cloud Config Server's Environment.")
public record SpringEnvironment(
    String name,
    List<String> profiles,
    @Schema(nullable = true) String label,
    @Schema(nullable = true) String version,
    @Schema(nullable = true) String state,
    List<PropertySource> propertySources) {

  /** The media type of the config server's second protocol version. */
  public static final String V2_MEDIA_TYPE = "application/vnd.spring-cloud.config-server.v2+json";

  /**
   * One property source.
   *
   * @param name {@code setpoint:{application}-{profile} (release N)}: profile-specific to Spring
   * @param source key → value: strings, integers, booleans; secrets as strings
   */
  @Schema(name = "SpringPropertySource")
  public record PropertySource(String name, Map<String, Object> source) {}
}
