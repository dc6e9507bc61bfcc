package dev.setpoint.domain.secret;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.NotFound;

/**
 * How the secret use cases find what they act on, checking the caller's action on the environment
 * first, and the errors they answer when it is missing or deleted.
 */
final class SecretLookup {

  private final EnvironmentService environments;
  private final SecretRepository secrets;
  private final Access access;

  SecretLookup(EnvironmentService environments, SecretRepository secrets, Access access) {
    this.environments = environments;
    this.secrets = secrets;
    this.access = access;
  }

  /** The environment, once the caller may read it and do {@code action} in it. */
  Environment environment(EnvironmentRef where, Action action) {
    Environment environment = environments.get(where);
    access.require(action, environment);
    return environment;
  }

  /** The environment, once the caller may read it. */
  Environment readable(EnvironmentRef where) {
    return environments.get(where);
  }

  /** The secret {@code key} of an environment, deleted or not. */
  Secret require(Environment environment, SettingKey key) {
    return secrets.find(environment, key).orElseThrow(() -> notFound(environment, key));
  }

  /** The secret {@code key} while it is not deleted, once the caller may do {@code action}. */
  Secret requireLive(EnvironmentRef where, SettingKey key, Action action) {
    Secret secret = require(environment(where, action), key);
    if (secret.deleted()) {
      throw deleted(secret);
    }
    return secret;
  }

  static NotFound notFound(Environment environment, SettingKey key) {
    return new NotFound("Environment '" + environment.slug() + "' has no secret '" + key + "'");
  }

  static Conflict deleted(Secret secret) {
    return new Conflict(
        "Secret '"
            + secret.key()
            + "' is deleted; recover it first (until "
            + secret.purgeAfter()
            + ")");
  }
}
