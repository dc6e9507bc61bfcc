package dev.setpoint.domain.transfer;

import java.util.List;

/**
 * How two environments of one application differ, key by key, in the values in force: keys with a
 * value in only one of them, keys whose values differ (a setting's values shown, a secret's only
 * compared by fingerprint), and keys that are a setting in one and a secret in the other.
 */
public record Comparison(
    String from,
    String to,
    List<String> onlyInFrom,
    List<String> onlyInTo,
    List<Difference> differ,
    List<Mismatch> typeMismatch,
    int same) {

  /** A key whose values differ; {@code fromValue}/{@code toValue} are null for a secret. */
  public record Difference(String key, String kind, String type, String fromValue, String toValue) {
    @Override
    public String toString() {
      return "Difference[" + key + " " + kind + "]";
    }
  }

  /** A key of another kind (setting type, or {@code secret}) in each environment. */
  public record Mismatch(String key, String fromType, String toType) {}
}
