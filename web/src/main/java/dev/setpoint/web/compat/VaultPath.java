package dev.setpoint.web.compat;

import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slug;
import java.util.Optional;

/**
 * A secret's path under the Vault mount: {@code {app}/{env}} (the whole release) or {@code
 * {app}/{env}/{key}} (one key of it); {@code {app}/} is the folder listing its environments. A name
 * that breaks Setpoint's rules is a 400 naming it.
 *
 * @param where the environment
 * @param key the key, or empty for the whole release
 */
record VaultPath(EnvironmentRef where, Optional<String> key) {

  /**
   * Parses a path, a trailing {@code /} ignored (lists name folders so).
   *
   * @throws NotFound when the path has not two or three segments (Vault's 404)
   */
  static VaultPath parse(String path) {
    String[] parts = trimmed(path).split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new NotFound("Setpoint's Vault paths are {app}/{env} and {app}/{env}/{key}");
    }
    EnvironmentRef where = EnvironmentRef.parse(parts[0], parts[1]);
    if (parts.length == 2) {
      return new VaultPath(where, Optional.empty());
    }
    return new VaultPath(where, Optional.of(parts[2]));
  }

  /**
   * The application when {@code path} names one alone ({@code {app}} or {@code {app}/}, the folder
   * that holds its environments); empty for any deeper path.
   */
  static Optional<Slug> application(String path) {
    String trimmed = trimmed(path);
    return trimmed.isEmpty() || trimmed.contains("/")
        ? Optional.empty()
        : Optional.of(Slug.of("app", trimmed));
  }

  private static String trimmed(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * The key, checked against Setpoint's rule once the caller was found allowed to read the
   * environment (a malformed key of a hidden application stays not found).
   */
  Optional<String> checkedKey() {
    return key.map(raw -> SettingKey.of("key", raw).value());
  }
}
