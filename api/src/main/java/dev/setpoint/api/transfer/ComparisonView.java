package dev.setpoint.api.transfer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the values in force in two environments differ. */
@Schema(
    name = "Comparison",
    description =
        "Keys with a value in force in only one environment, keys whose values differ (secrets"
            + " compared by fingerprint, never shown), and keys that are a setting in one and a"
            + " secret in the other.")
public record ComparisonView(
    @Schema(example = "staging") String from,
    @Schema(example = "production") String to,
    List<String> onlyInFrom,
    List<String> onlyInTo,
    List<Difference> differ,
    List<TypeMismatch> typeMismatch,
    @Schema(description = "How many keys hold the same value in both.") int same) {

  /** A key whose values differ. */
  @Schema(name = "ComparisonDifference")
  public record Difference(
      String key,
      @Schema(enumeration = {"setting", "secret"}) String kind,
      @Schema(description = "The setting type, or secret.") String type,
      @Schema(description = "The value in 'from'; absent for a secret.")
          jakarta.json.JsonValue from,
      @Schema(description = "The value in 'to'; absent for a secret.") jakarta.json.JsonValue to) {}

  /** A key of another kind in each environment. */
  @Schema(name = "ComparisonTypeMismatch")
  public record TypeMismatch(
      String key,
      @Schema(description = "Its type in 'from' (a setting type, or secret).") String from,
      @Schema(description = "Its type in 'to'.") String to) {}
}
