package dev.setpoint.api.change;

import dev.setpoint.api.readiness.FindingView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the readiness rules find in the state the request would produce. */
@Schema(name = "ChangeReadiness", description = "Readiness of the state after the changes.")
public record ChangeReadinessView(
    @Schema(description = "False when a critical finding would be open.") boolean ready,
    List<FindingView> findings) {}
