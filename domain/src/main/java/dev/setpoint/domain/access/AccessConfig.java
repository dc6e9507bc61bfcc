package dev.setpoint.domain.access;

import dev.setpoint.domain.platform.ProfileConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Access settings operators can tune. */
@ApplicationScoped
public class AccessConfig {

  @Inject
  @ConfigProperty(name = "setpoint.auth.admin-groups")
  Optional<String> adminGroups;

  @Inject
  @ConfigProperty(name = "setpoint.auth.basic.enabled")
  Optional<Boolean> basicEnabled;

  @Inject
  @ConfigProperty(name = "setpoint.auth.token-cache-ttl", defaultValue = "PT30S")
  Duration tokenCacheTtl;

  @Inject
  @ConfigProperty(name = "setpoint.auth.token-usage-flush-seconds", defaultValue = "10")
  long tokenUsageFlushSeconds;

  @Inject
  @ConfigProperty(name = "setpoint.auth.password-cache-ttl", defaultValue = "PT5M")
  Duration passwordCacheTtl;

  @Inject
  @ConfigProperty(name = "SETPOINT_ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "SETPOINT_DEV_ADMIN_PASSWORD_FILE")
  Optional<String> generatedAdminPasswordFile;

  @Inject ProfileConfig profile;

  /** For CDI, which injects the configured values into the fields. */
  public AccessConfig() {}

  /** Explicit settings, for tests. */
  public AccessConfig(Set<String> adminGroups) {
    this.adminGroups = Optional.of(String.join(",", adminGroups));
    this.basicEnabled = Optional.of(true);
    this.tokenCacheTtl = Duration.ZERO;
    this.tokenUsageFlushSeconds = 1;
    this.passwordCacheTtl = Duration.ofMinutes(5);
    this.adminPassword = Optional.empty();
    this.generatedAdminPasswordFile = Optional.empty();
    this.profile = new ProfileConfig("dev");
  }

  /**
   * Whether people may sign in with HTTP Basic against the built-in user store; unset, it is on
   * except in the prod profile (where people come through OpenID Connect).
   */
  public boolean basicEnabled() {
    return basicEnabled.orElse(!profile.prod());
  }

  /** How long a server remembers a service token it found valid; zero asks the store each time. */
  public Duration tokenCacheTtl() {
    return tokenCacheTtl;
  }

  /**
   * How long a server remembers that a password matched a user's stored hash (HTTP Basic on every
   * request then costs one slow hash, not one per request); zero runs the hash every time.
   */
  public Duration passwordCacheTtl() {
    return passwordCacheTtl;
  }

  /** How often the last-used times of service tokens are written. */
  public Duration tokenUsageFlush() {
    return Duration.ofSeconds(tokenUsageFlushSeconds);
  }

  /** The password of the first admin, when the operator gives one; never logged. */
  public Optional<String> adminPassword() {
    return adminPassword.filter(p -> !p.isBlank());
  }

  /** Where a generated first admin password is written (dev profile only), if anywhere. */
  public Optional<String> generatedAdminPasswordFile() {
    return generatedAdminPasswordFile;
  }

  /**
   * Identity-provider groups whose members are platform admins (comma-separated), so an
   * organisation signing in with OpenID Connect has an admin before any binding exists.
   */
  public Set<String> adminGroups() {
    return adminGroups
        .map(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }
}
