package dev.setpoint.domain.transfer;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretState;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a target holds now, loaded once for a plan: the application's definitions and, for an
 * environment, its overrides and secrets (with each one's current version).
 */
final class TargetState {

  final Application application;
  final Environment environment;
  final Map<String, SettingDefinition> definitions = new HashMap<>();
  final Map<String, SettingOverride> overrides = new HashMap<>();
  final Map<String, Secret> secrets = new HashMap<>();
  private final SecretRepository secretStore;
  private final String environmentName;

  private TargetState(
      Application application,
      Environment environment,
      String environmentName,
      SecretRepository secretStore) {
    this.application = application;
    this.environment = environment;
    this.environmentName = environmentName;
    this.secretStore = secretStore;
  }

  /**
   * A target that does not exist yet (an application or environment a restore creates): nothing
   * defined, overridden or secret; {@code environmentName} null for the defaults.
   */
  static TargetState empty(String environmentName) {
    return new TargetState(null, null, environmentName, null);
  }

  static TargetState load(
      Application application,
      Environment environment,
      SettingRepository settings,
      SecretRepository secrets) {
    TargetState state =
        new TargetState(
            application,
            environment,
            environment == null ? null : environment.slug().value(),
            secrets);
    List<SettingDefinition> definitions =
        Pages.all(
            page ->
                Slice.of(
                    settings.definitions(application, page), page.limit(), d -> d.key().value()));
    definitions.forEach(d -> state.definitions.put(d.key().value(), d));
    if (environment != null) {
      int step = PageRequest.MAX_LIMIT;
      for (int i = 0; i < definitions.size(); i += step) {
        settings
            .overridesIn(
                environment, definitions.subList(i, Math.min(definitions.size(), i + step)))
            .forEach(o -> state.overrides.put(o.definition().key().value(), o));
      }
      Pages.all(
              page -> Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value()))
          .forEach(s -> state.secrets.put(s.key().value(), s));
    }
    return state;
  }

  /** The environment's slug, or null for the defaults. */
  String environmentName() {
    return environmentName;
  }

  /** The current version of a secret, if it has one. */
  Optional<SecretVersion> current(Secret secret) {
    return secretStore.versions(secret).stream()
        .filter(v -> v.state() == SecretState.CURRENT)
        .findFirst();
  }
}
