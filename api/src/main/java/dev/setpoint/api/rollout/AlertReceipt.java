package dev.setpoint.api.rollout;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an alert notification caused. */
@Schema(name = "AlertReceipt")
public record AlertReceipt(
    @Schema(description = "Alerts in the notification.") int received,
    @Schema(description = "Rollouts the firing alerts rolled back.") List<RolledBack> rolledBack) {

  /** One rollout an alert rolled back. */
  @Schema(name = "AlertRollback")
  public record RolledBack(String application, String environment, int release) {}
}
