package dev.setpoint.persistence.schema;

import dev.setpoint.domain.platform.ProfileConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database settings Setpoint needs before it touches the database. In the {@code prod} profile
 * nothing has a default: a missing URL, user or password stops the start with one log line naming
 * each missing variable, instead of a pool failing later with a driver error.
 */
@ApplicationScoped
public class DatabaseConfig {

  /** Variables that must be set in the prod profile. */
  static final List<String> REQUIRED_IN_PROD =
      List.of("SETPOINT_DB_URL", "SETPOINT_DB_USER", "SETPOINT_DB_PASSWORD");

  private static final Logger LOG = Logger.getLogger(DatabaseConfig.class.getName());

  private final Config config;
  private final ProfileConfig profile;

  @Inject
  @ConfigProperty(name = "setpoint.db.migration.retry-seconds", defaultValue = "5")
  int migrationRetrySeconds;

  /** For the CDI container's proxy only. */
  protected DatabaseConfig() {
    this(null, null);
  }

  @Inject
  public DatabaseConfig(Config config, ProfileConfig profile) {
    this.config = config;
    this.profile = profile;
  }

  /** The pause between schema migration attempts while the database is unreachable at start. */
  public Duration migrationRetry() {
    return Duration.ofSeconds(migrationRetrySeconds);
  }

  /**
   * Throws, after logging which variables are missing, when the profile is {@code prod} and any
   * required database variable is unset or blank.
   */
  void requireComplete() {
    List<String> missing =
        missing(profile.name(), name -> config.getOptionalValue(name, String.class));
    if (!missing.isEmpty()) {
      String message =
          "Setpoint cannot start in the prod profile: "
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " not set. Provide the database URL, user and password as environment variables.";
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
  }

  /** The required variables that {@code lookup} finds unset or blank, in the prod profile. */
  static List<String> missing(String profile, Function<String, Optional<String>> lookup) {
    if (!"prod".equals(profile)) {
      return List.of();
    }
    return REQUIRED_IN_PROD.stream()
        .filter(name -> lookup.apply(name).map(String::isBlank).orElse(true))
        .toList();
  }
}
