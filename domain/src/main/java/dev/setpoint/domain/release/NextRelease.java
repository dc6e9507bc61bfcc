package dev.setpoint.domain.release;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.setting.ResolvedSetting;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the next release of an environment would hold: its resolved settings and the current version
 * of each live secret. Internal to the domain (the publisher and the readiness rules use it), not a
 * use case: it decides no access beyond what reading the settings checks.
 */
@ApplicationScoped
@Transactional
public class NextRelease {

  private final SettingService settings;
  private final SecretRepository secrets;
  private final ReleaseRepository releases;

  /** For the CDI container's proxy only. */
  protected NextRelease() {
    this(null, null, null);
  }

  @Inject
  public NextRelease(
      SettingService settings, SecretRepository secrets, ReleaseRepository releases) {
    this.settings = settings;
    this.secrets = secrets;
    this.releases = releases;
  }

  /**
   * Whether the environment's current settings and secrets differ from its latest release (also
   * when they could not be released as they are); false when it has no release.
   */
  public boolean unpublished(Environment environment) {
    Optional<Release> latest = releases.latest(environment);
    if (latest.isEmpty()) {
      return false;
    }
    try {
      return !content(environment).hash().equals(latest.get().content().hash());
    } catch (Unprocessable e) {
      return true;
    }
  }

  /**
   * The content a release published now would have.
   *
   * @throws Unprocessable naming every required setting without a value and every key that is both
   *     a setting and a secret (a delivered release is one flat set of keys)
   */
  public ReleaseContent content(Environment environment) {
    List<InvalidValue.Violation> problems = new ArrayList<>();
    Map<String, ReleaseContent.SettingValue> values = settingValues(environment, problems);
    Map<String, Integer> versions = new TreeMap<>();
    for (Secret secret :
        Pages.all(
            page ->
                Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value()))) {
      if (secret.deleted() || secret.currentVersion() == 0) {
        continue;
      }
      String key = secret.key().value();
      if (values.containsKey(key)) {
        problems.add(
            new InvalidValue.Violation(
                key, "is both a setting and a secret; a release needs one value per key"));
      }
      versions.put(key, secret.currentVersion());
    }
    if (!problems.isEmpty()) {
      throw new Unprocessable(
          "Cannot publish '"
              + environment.slug().value()
              + "': "
              + problems.size()
              + " key(s) are incomplete or ambiguous",
          problems);
    }
    return new ReleaseContent(values, versions);
  }

  private Map<String, ReleaseContent.SettingValue> settingValues(
      Environment environment, List<InvalidValue.Violation> problems) {
    String env = environment.slug().value();
    Map<String, ReleaseContent.SettingValue> values = new TreeMap<>();
    for (ResolvedSetting setting : Pages.all(page -> settings.resolve(environment.ref(), page))) {
      if (setting.missing()) {
        problems.add(
            new InvalidValue.Violation(
                setting.key().value(), "is required but has no value in '" + env + "'"));
      } else if (setting.value() != null) {
        values.put(
            setting.key().value(),
            new ReleaseContent.SettingValue(setting.type(), setting.value()));
      }
    }
    return values;
  }
}
