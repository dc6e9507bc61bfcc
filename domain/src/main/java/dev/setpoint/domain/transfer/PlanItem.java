package dev.setpoint.domain.transfer;

import dev.setpoint.domain.setting.SettingType;

/**
 * What an import (or a copy) does with one key in one target: add, change, leave alone or refuse
 * it, as a setting or a secret. A setting carries its canonical value; a secret never carries one,
 * only whether it differs (by fingerprint).
 *
 * @param environment the environment written, or null for the application's defaults
 * @param type the setting type (null for secrets and for refusals that have none)
 * @param value a setting's canonical value once validated; null for secrets and refusals
 * @param reason why the key is refused (null otherwise)
 * @param defines whether the setting is defined by this import (new to the application)
 */
public record PlanItem(
    String environment,
    String key,
    Kind kind,
    Outcome outcome,
    SettingType type,
    String value,
    String reason,
    boolean defines) {

  /** Where the value goes. */
  public enum Kind {
    SETTING,
    SECRET;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What happens to it. */
  public enum Outcome {
    ADD,
    CHANGE,
    UNCHANGED,
    REFUSED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static PlanItem refused(String environment, String key, Kind kind, String reason) {
    return new PlanItem(environment, key, kind, Outcome.REFUSED, null, null, reason, false);
  }

  boolean writes() {
    return outcome == Outcome.ADD || outcome == Outcome.CHANGE;
  }
}
