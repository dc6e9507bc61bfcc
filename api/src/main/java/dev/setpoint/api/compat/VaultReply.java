package dev.setpoint.api.compat;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Vault's response envelope; what {@code data} holds depends on the path (each operation says).
 *
 * @param request_id a fresh id per answer
 * @param lease_id always empty: nothing is leased
 * @param renewable always false
 * @param lease_duration always 0
 * @param data the answer
 * @param wrap_info always null: no response wrapping
 * @param warnings always null
 * @param auth always null: no sign-in happens here
 * @param mount_type {@code kv} on the KV paths
 */
@Schema(name = "VaultReply", description = "Vault's response envelope.")
public record VaultReply(
    String request_id,
    String lease_id,
    boolean renewable,
    long lease_duration,
    Map<String, Object> data,
    @Schema(nullable = true) Object wrap_info,
    @Schema(nullable = true) List<String> warnings,
    @Schema(nullable = true) Object auth,
    @Schema(nullable = true) String mount_type) {

  /**
   * Vault's error body: {@code ["permission denied"]} for 403, empty for 404, else what went wrong.
   */
  @Schema(name = "VaultErrors")
  public record Errors(List<String> errors) {}
}
