package dev.setpoint.domain.secret;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
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
  Environment environment(String app, String env, Action action) {
    Environment environment = environments.get(app, env);
    access.require(action, environment);
    return environment;
  }

  /** The environment, once the caller may read it. */
  Environment readable(String app, String env) {
    return environments.get(app, env);
  }

  /** The secret {@code key} of an environment, deleted or not. */
  Secret require(Environment environment, String key) {
    SettingKey settingKey = SettingKey.of("key", key);
    return secrets
        .find(environment, settingKey)
        .orElseThrow(() -> notFound(environment, settingKey));
  }

  /** The secret {@code key} while it is not deleted, once the caller may do {@code action}. */
  Secret requireLive(String app, String env, String key, Action action) {
    Secret secret = require(environment(app, env, action), key);
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
