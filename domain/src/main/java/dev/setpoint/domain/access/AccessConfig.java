package dev.setpoint.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  @ConfigProperty(name = "mp.config.profile", defaultValue = "dev")
  String profile;

  /** For CDI, which injects the configured values into the fields. */
  public AccessConfig() {}

  /** Explicit settings, for tests. */
  public AccessConfig(Set<String> adminGroups) {
    this.adminGroups = Optional.of(String.join(",", adminGroups));
    this.basicEnabled = Optional.of(true);
    this.profile = "dev";
  }

  /**
   * Whether people may sign in with HTTP Basic against the built-in user store; unset, it is on
   * except in the prod profile (where people come through OpenID Connect).
   */
  public boolean basicEnabled() {
    return basicEnabled.orElse(!"prod".equals(profile));
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
