package dev.setpoint.api.rollout;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Alertmanager's webhook payload (version 4); fields Setpoint does not use are accepted and
 * ignored.
 */
@Schema(
    name = "AlertNotification",
    description =
        "An Alertmanager webhook_config notification. Each firing alert whose labels carry"
            + " setpoint_application and setpoint_environment rolls back that environment's"
            + " rollout when its stop conditions include alert.")
public record AlertNotification(
    @Schema(example = "4") String version,
    @Schema(example = "firing") String status,
    String receiver,
    String groupKey,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalURL,
    List<Alert> alerts) {

  /** One alert of the notification. */
  @Schema(name = "Alert")
  public record Alert(
      @Schema(example = "firing") String status,
      @Schema(
              example =
                  "{\"setpoint_application\":\"shop\",\"setpoint_environment\":\"production\"}")
          Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt,
      String endsAt,
      String generatorURL,
      String fingerprint) {}
}
