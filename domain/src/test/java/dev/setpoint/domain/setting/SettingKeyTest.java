package dev.setpoint.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.shared.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"PORT", "_private", "spring.datasource.url", "a-b_c.d9", "x"})
  void acceptsKeysUsableAsEnvironmentVariablesAndPropertyNames(String key) {
    assertEquals(key, SettingKey.of("key", key).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "9LIVES", "-dash", ".dot", "has space", "sl/ash", "ümlaut"})
  void refusesOtherKeys(String key) {
    InvalidValue e = assertThrows(InvalidValue.class, () -> SettingKey.of("key", key));
    assertEquals("key", e.violations().get(0).field());
  }

  @org.junit.jupiter.api.Test
  void limitsKeysTo128Characters() {
    assertEquals(128, SettingKey.of("key", "K".repeat(128)).value().length());
    assertThrows(InvalidValue.class, () -> SettingKey.of("key", "K".repeat(129)));
  }
}
