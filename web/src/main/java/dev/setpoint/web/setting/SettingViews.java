package dev.setpoint.web.setting;

import dev.setpoint.api.setting.ResolvedSettingView;
import dev.setpoint.api.setting.SettingDefinitionView;
import dev.setpoint.api.setting.SettingOverrideView;
import dev.setpoint.domain.setting.ResolvedSetting;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingType;
import jakarta.json.JsonValue;

/** Maps settings to the records the API shows, values in their typed JSON form. */
final class SettingViews {

  private SettingViews() {}

  static SettingDefinitionView of(SettingDefinition d) {
    return new SettingDefinitionView(
        d.key().value(),
        d.type().wireName(),
        typed(d.type(), d.defaultValue()),
        d.description(),
        d.required(),
        d.version(),
        d.createdAt(),
        d.updatedAt());
  }

  static SettingOverrideView of(SettingOverride o) {
    SettingDefinition d = o.definition();
    return new SettingOverrideView(
        d.key().value(),
        o.environment().slug().value(),
        d.type().wireName(),
        typed(d.type(), o.value()),
        o.version(),
        o.createdAt(),
        o.updatedAt());
  }

  static ResolvedSettingView of(ResolvedSetting r) {
    return new ResolvedSettingView(
        r.key().value(),
        r.type().wireName(),
        typed(r.type(), r.value()),
        r.source() == null ? null : r.source().wireName(),
        r.required());
  }

  private static JsonValue typed(SettingType type, String stored) {
    return stored == null ? null : type.toJson(stored);
  }
}
