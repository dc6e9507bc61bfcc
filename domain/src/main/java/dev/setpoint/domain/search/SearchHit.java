package dev.setpoint.domain.search;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;

/**
 * One thing a search found: an application (by its slug or name), a setting (by its key, its
 * default or an environment's override), or a secret (by its key name; its value is never read).
 *
 * @param environment the environment of an override or a secret; null for the rest
 * @param key the setting's or secret's key; null for an application
 * @param matched what matched: {@code slug}, {@code name}, {@code key} or {@code value}
 * @param type a setting's type; null for the rest
 * @param value a setting's matching value, as the canonical text it is stored in; null for the rest
 */
public record SearchHit(
    Kind kind,
    Application application,
    Environment environment,
    String key,
    String matched,
    dev.setpoint.domain.setting.SettingType type,
    String value) {

  /** What was found. */
  public enum Kind {
    APPLICATION("application"),
    SETTING("setting"),
    SECRET("secret");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** The order of results and the paging key: application, kind, key, environment. */
  public String sortKey() {
    return application.slug().value()
        + "\u0001"
        + kind.ordinal()
        + "\u0001"
        + (key == null ? "" : key)
        + "\u0001"
        + (environment == null ? "" : environment.slug().value());
  }
}
